import { describe, expect, it } from 'vitest';
import { buildSlsEvent } from '../../../src/triggers/sls/build.js';

const decode = (cursor: string) => BigInt(Buffer.from(cursor, 'base64').toString());

describe('buildSlsEvent', () => {
  it('makes cursors that decode to positions, the end after the begin by the log groups between them', () => {
    const event = buildSlsEvent({ logGroupCount: 5, time: '2024-01-01T00:00:00Z' });
    expect(decode(event.source.endCursor) - decode(event.source.beginCursor)).toBe(5n);
    expect(event.cursorTime).toBe(1704067200);
    expect(event.source.endpoint).toBe('http://cn-hangzhou-intranet.log.aliyuncs.com');
    expect(event.jobName).toMatch(/^[0-9a-f]{40}$/);
  });
});
