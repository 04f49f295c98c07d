/**
 * What users install: the README's links point at files the package ships, and what ships explains itself (a
 * licence, source maps that carry their sources).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.js';

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { files: string[]; license: string };
/** npm adds these to every package, whatever `files` says. */
const ALWAYS_SHIPPED = ['README.md', 'package.json', 'LICENSE'];
const shipped = (path: string) => [...ALWAYS_SHIPPED, ...manifest.files].some((entry) => path === entry || path.startsWith(`${entry}/`));

describe('the package', () => {
  it('links, from the README, only to files it ships', () => {
    const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((link) => !/^[a-z]+:/.test(link));
    expect(links.length).toBeGreaterThan(0);
    const broken = links.filter((link) => !existsSync(join(packageRoot, link)) || !shipped(link));
    expect(broken, 'README links to files that do not exist or are not in package.json "files"').toEqual([]);
  });

  it('ships its licence, the one package.json names', () => {
    expect(shipped('LICENSE')).toBe(true);
    expect(readFileSync(join(packageRoot, 'LICENSE'), 'utf8')).toMatch(new RegExp(`^${manifest.license} License`));
  });

  it('ships the CLI bundle the bin runs (without it the bin imports ~120 modules: twice the start-up)', () => {
    expect(shipped('dist/cli/fc-sim.cjs')).toBe(true);
  });

  it('ships source maps that carry their TypeScript, since src/ does not ship', () => {
    expect(shipped('src/index.ts')).toBe(false);
    const maps = readdirSync(join(packageRoot, 'dist', 'src', 'testing')).filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const file of maps) {
      const map = JSON.parse(readFileSync(join(packageRoot, 'dist', 'src', 'testing', file), 'utf8')) as { sources: string[]; sourcesContent?: string[] };
      expect(map.sourcesContent?.length, file).toBe(map.sources.length);
    }
  });
});
