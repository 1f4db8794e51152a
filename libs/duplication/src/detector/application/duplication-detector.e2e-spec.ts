import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coordinationBodyAggregate, directoryContext, type CoordinationBodyCommand } from '@concord/directory';
import { fundingContext, proposalAggregate } from '@concord/funding';
import { importActivities, readImportFile } from '@concord/interop';
import { systemActor } from '@concord/kernel';
import { programmingContext } from '@concord/programming';
import { eventually, startTestApp, type TestApp } from '@concord/test-support';
import { duplicationContext } from '../../duplication.context';

const SAMPLE = join(__dirname, '..', '..', 'evaluation', 'testing', 'labelled-sample.jsonl');
const line = (id: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .find((l) => l.includes(`"id": "${id}"`))!,
  );

describe('The streaming detector, distributed (real Postgres and Kafka)', () => {
  let app: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'concord-detector-'));
  const db = () => app.runtime.dataSource;
  const importLines = async (name: string, records: Record<string, unknown>[]) => {
    const path = join(dir, `${name}.jsonl`);
    writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
    const summary = await importActivities(db(), readImportFile(path, 'jsonl'));
    expect(summary.failed).toBe(0);
  };
  const activityId = async (fileId: string): Promise<string> =>
    eventually(async () => {
      const [row] = await db().query(`SELECT id FROM programming_activities WHERE external_ids @> $1`, [
        JSON.stringify([{ id: fileId }]),
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
  const flagsAbout = (id: string): Promise<{ kind: string; status: string; subject_ids: string[] }[]> =>
    db().query(`SELECT kind, status, subject_ids FROM duplication_flags WHERE $1 = ANY(subject_ids) ORDER BY id`, [id]);

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, fundingContext, duplicationContext], {
      mode: 'distributed',
    });
  });
  afterAll(() => app.close());

  it('flags an activity entered twice as soon as the copy arrives, and clears it when the copy is revised away', async () => {
    const original = line('A-00006');
    await importLines('original', [original]);
    await importLines('copy', [{ ...original, id: 'COPY-1', title: `${original.title as string} (Phase 1)` }]);
    const copy = await activityId('COPY-1');
    const [flag] = await eventually(async () => {
      const flags = await flagsAbout(copy);
      expect(flags).toEqual([expect.objectContaining({ kind: 'DUPLICATE_RECORD', status: 'OPEN' })]);
      return flags;
    }, 30_000);
    expect(flag.subject_ids).toContain(await activityId('A-00006'));

    await importLines('copy-revised', [
      {
        ...original,
        id: 'COPY-1',
        title: 'Feasibility study of a fishing cooperative',
        description: '',
        start: '2019-01-01',
        end: '2019-06-30',
      },
    ]);
    await eventually(
      async () => expect(await flagsAbout(copy)).toEqual([expect.objectContaining({ status: 'CLEARED' })]),
      30_000,
    );
  });

  it('flags two agencies doing the same work side by side, and takes a division of labour recorded in a body as complementary', async () => {
    await importLines('side-by-side', [line('A-00023'), line('A-01816')]);
    const [a, b] = [await activityId('A-00023'), await activityId('A-01816')];
    await eventually(
      async () =>
        expect(await flagsAbout(a)).toEqual([
          expect.objectContaining({
            kind: 'OVERLAPPING_EFFORT',
            status: 'OPEN',
            subject_ids: expect.arrayContaining([a, b]),
          }),
        ]),
      30_000,
    );
    const [{ country, leads }] = await db().query(
      `SELECT min(country) AS country, array_agg(organisation ORDER BY organisation) AS leads
         FROM programming_activities WHERE id = ANY($1)`,
      [[a, b]],
    );
    const body = 'b5a3c1d2-0000-4000-8000-000000000001';
    const run = (command: CoordinationBodyCommand) =>
      app.runtime.commands.run(coordinationBodyAggregate, {
        streamId: body,
        command,
        actor: systemActor,
        correlationId: 'dol',
      });
    await run({
      type: 'EstablishCoordinationBody',
      data: { country, name: 'Social protection working group', kind: 'RESULTS_GROUP' },
    });
    for (const organisation of leads) await run({ type: 'AdmitMember', data: { organisation } });
    await run({ type: 'RecordDivisionOfLabour', data: { organisations: leads, topic: 'Cash transfers' } });
    await eventually(
      async () => expect(await flagsAbout(a)).toEqual([expect.objectContaining({ status: 'CLEARED' })]),
      30_000,
    );
  });

  it('flags two proposals from different agencies asking the same donor for the same country and theme', async () => {
    const propose = async (id: string, organisation: string) => {
      const base = { streamId: id, actor: systemActor, correlationId: 'proposals' };
      await app.runtime.commands.run(proposalAggregate, {
        ...base,
        command: {
          type: 'DraftProposal',
          data: {
            title: `${organisation} social protection diagnostic`,
            applicants: [{ organisation, role: 'LEAD' }],
            donor: 'BMZ',
            countries: ['BFA'],
            policyAreas: ['LNOB_INCLUSION'],
            requested: { amount: '1000000.00', currency: 'USD' },
            start: '2023-01-01',
            end: '2024-12-31',
          },
        },
      });
      await app.runtime.commands.run(proposalAggregate, { ...base, command: { type: 'SubmitProposal', data: {} } });
    };
    await propose('a0000000-0000-4000-8000-00000000000a', 'ILO');
    await propose('a0000000-0000-4000-8000-00000000000b', 'WORLD_BANK');
    await eventually(async () => {
      const flags = await flagsAbout('a0000000-0000-4000-8000-00000000000a');
      expect(flags).toEqual([expect.objectContaining({ kind: 'COMPETING_PROPOSALS', status: 'OPEN' })]);
    }, 30_000);
  });
});
