import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';

const headersOf = async (...args: string[]) => {
  const result = await runCli(args);
  expect(result.status).toBe(0);
  return (JSON.parse(result.stdout) as { headers: Record<string, string> }).headers;
};

describe('--header on the HTTP kinds', () => {
  it("adds to the kind's headers: http:post keeps its Content-Type", async () => {
    expect(await headersOf('http:post', '--header', 'X-Trace: 1')).toEqual({
      Accept: '*/*',
      'Content-Type': 'application/json',
      'User-Agent': 'curl/8.5.0',
      'X-Trace': '1',
    });
  });

  it('replaces a header of the same name in any case, and keeps curl’s defaults on http:get', async () => {
    expect(await headersOf('http:post', '--header', 'content-type: text/plain')).toEqual({
      Accept: '*/*',
      'User-Agent': 'curl/8.5.0',
      'Content-Type': 'text/plain',
    });
    expect(await headersOf('http:get', '--header', 'Authorization: Bearer t')).toEqual({
      Accept: '*/*',
      'User-Agent': 'curl/8.5.0',
      Authorization: 'Bearer t',
    });
  });
});
