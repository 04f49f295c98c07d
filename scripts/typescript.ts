/**
 * The TypeScript compiler, loaded with require(): imported from an ES module, Node 20.19+ parses a CommonJS package
 * twice more (to detect module syntax, then to find its named exports), and for typescript's 9 MB that is about
 * 0.9 CPU-seconds against 0.27 s. The test loop loads it in its setup and in several workers.
 */
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

export const ts: typeof TypeScript = createRequire(import.meta.url)('typescript');
export type { TypeScript };
