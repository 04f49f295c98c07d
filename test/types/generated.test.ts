import { describe, expect, it } from 'vitest';
import { generateTypes, readCommittedTypes } from '../../scripts/gen-types.js';

describe('src/types/generated.ts', () => {
  it('matches the schemas (run `npm run gen:types` after changing a schema)', async () => {
    expect(readCommittedTypes()).toBe(await generateTypes());
  });
});
