/**
 * A handler that decodes CBOR as FC's samples do gets CBOR bytes from checkHandler, saved failures and replay, and
 * a planted int64 bug is found and shrunk to a key beyond 2^53.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHandler, ContractFailure } from '../../../src/testing/index.js';
import type { TablestoreEvent } from '../../../src/types/generated.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const runtime = { codeDir: 'fixtures/handlers' };

/** What the fixture handler says each key column decoded to, from the event's JSON form. */
const expectedKinds = (event: TablestoreEvent) =>
  event.Records.map((record) => record.PrimaryKey.map(({ Value }) => (typeof Value === 'object' ? ('$int64' in Value ? 'bigint' : 'Buffer') : typeof Value)));

describe('Tablestore events reach handlers as CBOR', () => {
  it('checkHandler: the cbor package decodes every drawn event to what its JSON form says', async () => {
    const summary = await checkHandler<TablestoreEvent>({
      handler: 'tablestore-cbor.handler',
      trigger: 'tablestore',
      runtime,
      runs: 100,
      failuresDir: false,
      property: (event, invocation) => {
        const { records } = JSON.parse(invocation.body.toString()) as { records: { type: string; micros: string; primaryKey: string[] }[] };
        expect(records.map((record) => record.type)).toEqual(event.Records.map((record) => record.Type));
        expect(records.map((record) => record.micros)).toEqual(event.Records.map((record) => String(record.Info.Timestamp)));
        expect(records.map((record) => record.primaryKey.map((column) => column.split(':')[1]))).toEqual(expectedKinds(event));
      },
    });
    expect(summary.runs).toBe(100);
  });

  it('finds a handler that takes int64 keys for numbers, shrinks to one, saves it with its delivery, and replays it as CBOR', async () => {
    const failuresDir = tempDir('fc-sim-ots-failures-');
    let failure: ContractFailure | undefined;
    try {
      await checkHandler({ handler: 'planted/tablestore-number-key.handler', trigger: 'tablestore', runtime, runs: 300, seed: 2, failuresDir });
    } catch (error) {
      if (!(error instanceof ContractFailure)) throw error;
      failure = error;
    }
    expect(failure?.report.failure.check).toBe('no-unhandled-error');
    expect(failure!.report.invocation.error?.errorMessage).toMatch(/Cannot mix BigInt and other types/);
    const event = failure!.report.event as TablestoreEvent;
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0].PrimaryKey[0].Value).toMatchObject({ $int64: expect.any(String) });

    const [saved] = readdirSync(failuresDir);
    expect(JSON.parse(readFileSync(join(failuresDir, saved!), 'utf8'))).toMatchObject({ source: 'tablestore', delivery: 'cbor' });
    const replay = await runCli(['replay', join(failuresDir, saved!), '--handler', 'planted/tablestore-number-key.handler', '--code-dir', 'fixtures/handlers']);
    expect(replay.stdout).toMatch(/✗ .*: no-unhandled-error: unhandled error TypeError: Cannot mix BigInt and other types/);
    expect(replay.status).toBe(1);
  });
});
