import { existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative } from 'node:path';
import { FcSimError } from '../errors.js';
import type { ProjectProblem } from './model.js';

/** The yaml file an s.yaml's `extend:` names, read. */
export interface ExtendedFile {
  file: string;
  document: Record<string, unknown>;
}

/**
 * `extend: base.yaml` at the top of an s.yaml: the file it builds on (Serverless-Devs/toolkit parse-spec
 * `doExtend`, docs/en/extend.md). Only a text value is an extend (`isExtendMode`), relative to the project file's
 * folder (`getAbsolutePath(extend, dirname)`), and it must be a .yaml/.yml file (`getYamlContent`). `s` reads one level:
 * the base's own `extend:` is not followed, said here as a warning. Where `s` quietly reads a missing base as empty,
 * fc-sim stops, naming it: a project that silently lost its base would be tested without its functions. A file that
 * extends itself, or a base that extends back, is a cycle: an error naming the files.
 */
export function extendedFile(
  document: Record<string, unknown>,
  file: string,
  read: (file: string) => Record<string, unknown>,
  problems: ProjectProblem[],
): ExtendedFile | undefined {
  const named = document.extend;
  if (typeof named !== 'string') return undefined;
  const base = isAbsolute(named) ? named : join(dirname(file), named);
  const at = { file, path: 'extend' };
  if (!['.yaml', '.yml'].includes(extname(base)))
    throw new FcSimError(
      'E_PROJECT',
      `${file}: extend: ${named} is not a .yaml or .yml file`,
      'extend names the yaml file this one builds on, e.g. extend: s.yaml',
    );
  if (!existsSync(base))
    throw new FcSimError(
      'E_FILE_NOT_FOUND',
      `${file}: extend: ${named}: no such file (looked for ${base})`,
      'name the base file relative to this one, or remove extend:',
    );
  if (base === file)
    throw new FcSimError('E_PROJECT', `${file}: extend: ${named} is this file itself`, 'extend names another yaml file, the one this builds on');
  const baseDocument = read(base);
  const further = baseDocument.extend;
  if (typeof further === 'string') {
    const next = isAbsolute(further) ? further : join(dirname(base), further);
    if (next === file)
      throw new FcSimError(
        'E_PROJECT',
        `${file}: extend: cycle ${basename(file)} → ${relative(dirname(file), base)} → ${basename(file)} (${base} extends back)`,
        `remove extend: from ${base}: the base is the file others build on`,
      );
    problems.push({
      kind: 'unknown-part',
      message: `${relative(dirname(file), base)} has extend: ${further} too; not followed: Serverless Devs reads one level of extend`,
      location: at,
    });
  }
  return { file: base, document: baseDocument };
}
