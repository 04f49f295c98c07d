import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type ExportCheck = { found: true; file: string } | { found: false; file?: string; reason: string } | { found: 'unknown'; file: string };

/**
 * Whether a handler's module file exists and names the export, read as text: lint must not run the user's code
 * (it may open connections at load time). Forms it recognises: `exports.x =`, `module.exports.x =`,
 * `export const|let|var|function|async function|class x`, `export { … x … }`, `module.exports = { x … }`.
 * Anything else (a computed export) is "unknown", not an error.
 */
export function checkHandlerExport(codeDir: string, handler: string): ExportCheck {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return { found: false, reason: `"${handler}" is not module.export (FC splits the handler at its last dot)` };
  const [module, name] = [handler.slice(0, dot), handler.slice(dot + 1)];
  const file = ['.js', '.mjs', '.cjs'].map((extension) => resolve(codeDir, module + extension)).find((candidate) => existsSync(candidate));
  if (!file) return { found: false, reason: `no ${module}.js in ${codeDir}` };
  const source = readFileSync(file, 'utf8');
  const escaped = name.replace(/[$]/g, '\\$');
  const patterns = [
    new RegExp(`(?:^|[^.\\w])(?:module\\.)?exports\\.${escaped}\\s*=`, 'm'),
    new RegExp(`export\\s+(?:const|let|var|class|(?:async\\s+)?function\\*?)\\s+${escaped}\\b`),
    new RegExp(`export\\s*\\{[^}]*\\b${escaped}\\b[^}]*\\}`),
    new RegExp(`module\\.exports\\s*=\\s*\\{[^}]*\\b${escaped}\\b`),
  ];
  if (patterns.some((pattern) => pattern.test(source))) return { found: true, file };
  return /module\.exports\s*=|export\s+default|export\s*\*/.test(source)
    ? { found: 'unknown', file }
    : { found: false, file, reason: `${file} does not export "${name}"` };
}
