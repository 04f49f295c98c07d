import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CdnEvent, OssEvent } from '../../src/index.js';
import { assertValid } from '../../src/index.js';

// These tests are also compile-time checks: `npm test` typechecks them, so the generated types must narrow.
function describeCdn(event: CdnEvent): string {
  const [record] = event.events;
  switch (record.eventName) {
    case 'LogFileCreated':
      return `log ${record.eventParameter.filePath} (${record.eventParameter.fileSize} bytes)`;
    case 'CachedObjectsRefreshed':
      return `refreshed ${record.eventParameter.objectPath.join(', ')}`;
    default:
      return record.eventName;
  }
}

describe('generated types', () => {
  it('narrow a CDN record on eventName, as the schema checks it', () => {
    const event = assertValid('cdn', JSON.parse(readFileSync('fixtures/events/cdn/fc3-docs-LogFileCreated.json', 'utf8')));
    expect(describeCdn(event)).toMatch(/^log http:\/\/cdnlog\./);
  });

  it('type a validated OSS event', () => {
    const event: OssEvent = assertValid('oss', JSON.parse(readFileSync('fixtures/events/oss/fc3-docs-objectmeta-usermeta.json', 'utf8')));
    expect(event.events[0].oss.object.objectMeta?.userMeta?.['x-oss-meta-last-modified']).toBe('20250213');
  });
});
