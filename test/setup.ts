import fc from 'fast-check';
import { afterAll } from 'vitest';
import { removeUnpackedCode } from '../src/project/code-location.js';
import { removeTempDirs } from './helpers/temp-dir.js';

// CI runs once per change, so there property tests use one fixed seed (override with FC_SIM_TEST_SEED) and a red
// run is reproducible; on a developer's machine every run draws new events and may find what CI's seed does not.
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SIM_TEST_SEED ?? 20261124) });

// Each test file's temp folders (test/helpers/temp-dir.ts) go when the file is done, and so do the code zips its
// projects unpacked: fc-sim removes those at exit, and vitest ends its workers without one.
afterAll(() => {
  removeTempDirs();
  removeUnpackedCode();
});
