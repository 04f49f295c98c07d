import { describe, expect, it } from 'vitest';
import { generateTypes, readCommittedTypes } from '../../src/types/codegen.js';

describe('src/types/generated.ts', () => {
  it('matches the schemas (run `npm run gen:types` after changing a schema)', async () => {
    expect(readCommittedTypes()).toBe(await generateTypes());
  });
});
