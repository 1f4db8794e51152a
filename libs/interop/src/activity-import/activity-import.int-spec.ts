import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTEXTS } from '@concord/composition';
import { schemaOf } from '@concord/platform';
import { createTestDatabase, type TestDatabase } from '@concord/test-support';
import { importActivities, type ImportOptions } from './activity-importer';
import { activityIdFor } from './activity-line';
import { readImportFile, type ImportFormat, type SourceRecord } from './import-file';

const fixture = (name: string) => join(__dirname, 'testing', name);
/** The development set beside the repository (shared/dedupe/dev), when this checkout has it. */
/** The first 200 lines of shared/dedupe/dev/activities.jsonl, copied so the suite runs on any clone. */
const DEV_SET_HEAD = join(__dirname, 'testing', 'dev-set-head.jsonl');

const newDatabase = () => createTestDatabase(schemaOf(CONTEXTS));
const importFile = (db: TestDatabase, path: string, format: ImportFormat, options?: ImportOptions) =>
  importActivities(db.dataSource, readImportFile(path, format), options);
const importRecords = (db: TestDatabase, records: Record<string, unknown>[]) =>
  importActivities(
    db.dataSource,
    records.map((record, i): SourceRecord => ({ line: i + 1, record })),
  );

async function eventCount(db: TestDatabase): Promise<number> {
  const [row] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
  return row.n;
}

async function eventsOf(
  db: TestDatabase,
  streamId: string,
): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return db.dataSource.query(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY version`, [streamId]);
}

const streamOf = (id: string) => activityIdFor({ system: 'IMPORT', id });

/** A valid line, with overrides. */
const aRecord = (overrides: Record<string, unknown> = {}) => ({
  id: 'R-1',
  title: 'Social protection floor costing',
  organisation: 'ILO',
  country: 'KHM',
  start: '2020-03-01',
  end: '2021-12-31',
  ...overrides,
});

/** The organisations the good lines of the fixtures name; the store starts empty, so all are new. */
const FIXTURE_ORGANISATIONS = ['FAO', 'ILO', 'NEWORG_A', 'NEWORG_B', 'UNDP', 'UNICEF', 'WFP', 'WHO', 'WORLD_BANK'];

describe('importActivities: the JSONL fixture (real Postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await newDatabase();
  });
  afterAll(() => db.close());

  it('imports the good lines, reports the bad ones and registers the unknown organisations', async () => {
    const summary = await importFile(db, fixture('activities.jsonl'), 'jsonl');
    expect(summary).toMatchObject({
      lines: 18,
      registered: 10,
      revised: 0,
      unchanged: 0,
      failed: 8,
      warnings: 2,
      organisationsCreated: FIXTURE_ORGANISATIONS,
      dryRun: false,
    });
    const [organisation] = await db.dataSource.query(
      `SELECT data FROM events WHERE type = 'OrganisationRegistered' AND data->>'code' = 'NEWORG_A'`,
    );
    expect(organisation.data).toMatchObject({ code: 'NEWORG_A', name: 'NEWORG_A', type: '90' });
    const [lead] = await eventsOf(db, streamOf('T-002'));
    expect(lead).toMatchObject({
      type: 'ActivityRegistered',
      data: {
        titles: { fr: 'Appui au registre social unifié' },
        language: 'fr',
        organisation: 'NEWORG_A',
        status: 'CLOSED',
        budget: [{ year: 2019, currency: 'XOF', required: '150000000.00' }],
        externalIds: [{ system: 'IMPORT', id: 'T-002' }],
        source: 'CSV',
      },
    });
  });

  it('reports each bad line with its number, the field, the value and the reason, and stores nothing of it', async () => {
    const { problems } = await importFile(db, fixture('activities.jsonl'), 'jsonl');
    expect(problems.map((p) => [p.line, p.severity, p.code, p.fields.map((f) => f.field).join(' ')])).toEqual([
      [1, 'warning', 'JOINT_PROGRAMME_NOT_FOUND', 'jointProgramme'],
      [6, 'error', 'INVALID_JSON', '(line)'],
      [7, 'error', 'REQUIRED_FIELD', 'country'],
      [8, 'error', 'UNKNOWN_CODE', 'policyAreas[0]'],
      [9, 'error', 'PERIOD_END_BEFORE_START', 'start end'],
      [14, 'warning', 'UNKNOWN_FIELD', 'notes'],
      [16, 'error', 'UNKNOWN_CODE', 'budget.currency'],
      [17, 'error', 'INVALID_TYPE', 'areas'],
      [18, 'error', 'UNKNOWN_CODE', 'language'],
      [19, 'error', 'UNKNOWN_CODE', 'partners[0].role'],
    ]);
    expect(problems.find((p) => p.line === 8)).toEqual({
      line: 8,
      id: 'B-003',
      severity: 'error',
      code: 'UNKNOWN_CODE',
      message: expect.stringContaining('policyAreas[0]: is not a policy area'),
      fields: [
        { field: 'policyAreas[0]', value: 'HOUSING', reason: expect.stringMatching(/^is not a policy area \(one of /) },
      ],
    });
    const bad = ['B-002', 'B-003', 'B-004', 'B-005', 'B-006', 'B-007', 'B-008'];
    expect(await db.dataSource.query(`SELECT 1 FROM events WHERE stream_id = ANY($1)`, [bad.map(streamOf)])).toEqual(
      [],
    );
    // B-008's organisations are unknown, but the line was refused: they are not registered either.
    const keys = await db.dataSource.query(
      `SELECT key FROM unique_keys WHERE key IN ('BADORG_Y', 'BADORG_Z', 'IMPORT:B-008')`,
    );
    expect(keys).toEqual([]);
  });

  it('appends no event when the same file is imported again', async () => {
    const before = await eventCount(db);
    const summary = await importFile(db, fixture('activities.jsonl'), 'jsonl');
    expect(summary).toMatchObject({ registered: 0, revised: 0, unchanged: 10, failed: 8, organisationsCreated: [] });
    expect(await eventCount(db)).toBe(before);
  });

  it('revises the activity of a changed line in place, recording only the change', async () => {
    const t004 = JSON.parse((await readFile(fixture('activities.jsonl'), 'utf8')).split('\n')[3]);
    const summary = await importRecords(db, [{ ...t004, areas: ['Cairo'], status: 'IMPLEMENTATION' }]);
    expect(summary).toMatchObject({ registered: 0, revised: 1, failed: 0 });
    expect((await eventsOf(db, streamOf('T-004'))).slice(1)).toEqual([
      { type: 'ActivityRevised', data: { areas: ['Cairo'] } },
      { type: 'ActivityStatusChanged', data: { from: 'PIPELINE', to: 'IMPLEMENTATION' } },
    ]);
  });

  it('a dry run says what would change and stores nothing', async () => {
    await importRecords(db, [aRecord({ id: 'DRY-1' })]);
    const stored = await eventCount(db);
    const dry = await importActivities(
      db.dataSource,
      [
        { line: 1, record: aRecord({ id: 'DRY-1', title: 'Changed title' }) },
        { line: 2, record: aRecord({ id: 'DRY-2', organisation: 'DRY_ORG' }) },
      ],
      { dryRun: true },
    );
    expect(dry).toMatchObject({ registered: 1, revised: 1, organisationsCreated: ['DRY_ORG'], dryRun: true });
    expect(await eventCount(db)).toBe(stored);
  });
});

describe('importActivities: order, joint programmes and CSV (real Postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await newDatabase();
  });
  afterAll(() => db.close());

  it('runs the lines of one activity in file order while other lines run beside them', async () => {
    const statuses = ['PIPELINE', 'IMPLEMENTATION', 'FINALISATION', 'CLOSED'];
    const records = statuses.flatMap((status, i) => [
      aRecord({ id: 'ORDERED', status }),
      aRecord({ id: `OTHER-${i}`, status }),
    ]);
    const summary = await importRecords(db, records);
    expect(summary).toMatchObject({ registered: 5, revised: 3, failed: 0 });
    const events = await eventsOf(db, streamOf('ORDERED'));
    expect(events.map((e) => e.data.to).filter(Boolean)).toEqual(['IMPLEMENTATION', 'FINALISATION', 'CLOSED']);
  });

  it('links a line to the joint programme its code names, within the period the handler checks', async () => {
    await db.dataSource.query(
      `INSERT INTO programming_joint_programmes (id, code, title, countries, status, start_date, end_date, policy_areas,
         target_groups, sdg_targets, counterparts, funding_sources, version, created_at, updated_at)
       VALUES ('jp-test-1', 'JP-TST-01', 'Test programme', '{KHM}', 'APPROVED', '2020-01-01', '2022-12-31',
         '{}', '{}', '{}', '{}', '{}', 1, now(), now())`,
    );
    const summary = await importRecords(db, [
      aRecord({ id: 'JP-IN', jointProgramme: 'JP-TST-01' }),
      aRecord({ id: 'JP-OUT', jointProgramme: 'JP-TST-01', end: '2023-06-30' }),
    ]);
    expect(summary).toMatchObject({ registered: 1, failed: 1 });
    const [registered] = await eventsOf(db, streamOf('JP-IN'));
    expect(registered.data).toMatchObject({
      jointProgrammeId: 'jp-test-1',
      jointProgrammePeriod: { start: '2020-01-01', end: '2022-12-31' },
    });
    expect(summary.problems).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'OUTSIDE_JOINT_PROGRAMME_PERIOD',
        fields: [{ field: 'end', value: '2023-06-30', reason: 'is after joint programme jp-test-1 ends (2022-12-31)' }],
      }),
    ]);
  });

  it('names the state when a line asks for a status the lifecycle does not allow', async () => {
    const summary = await importRecords(db, [aRecord({ id: 'ORDERED', status: 'PIPELINE' })]);
    expect(summary.problems).toEqual([
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        fields: [{ field: 'status', value: 'PIPELINE', reason: 'Activity is CLOSED; cannot move to PIPELINE' }],
      }),
    ]);
  });

  it('stores the same activities from the CSV as from the JSONL', async () => {
    const [fromJsonl, fromCsv] = await Promise.all([newDatabase(), newDatabase()]);
    try {
      await importFile(fromJsonl, fixture('activities.jsonl'), 'jsonl');
      const csv = await importFile(fromCsv, fixture('activities.csv'), 'csv');
      expect(csv).toMatchObject({ lines: 13, registered: 10, failed: 3, organisationsCreated: FIXTURE_ORGANISATIONS });
      expect(
        csv.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.code, p.fields[0].field]),
      ).toEqual([
        [7, 'UNKNOWN_CODE', 'policyAreas[0]'],
        [8, 'FIELD_COUNT', '(line)'],
        [16, 'INVALID_TYPE', 'budget.amount'],
      ]);
      const activities = (store: TestDatabase) =>
        store.dataSource.query(
          `SELECT stream_id, version, type, data FROM events WHERE stream_type = 'Activity' ORDER BY stream_id, version`,
        );
      expect(await activities(fromCsv)).toEqual(await activities(fromJsonl));
    } finally {
      await Promise.all([fromJsonl.close(), fromCsv.close()]);
    }
  });
});

describe('importActivities --publish (real Postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await newDatabase();
  });
  afterAll(() => db.close());

  const publicationOf = async (id: string) =>
    (await eventsOf(db, streamOf(id))).map((e) => e.type).filter((type) => /Published|Unpublished/.test(type));

  it('publishes each imported activity, and a re-import with --publish appends nothing', async () => {
    const first = await importFile(db, fixture('activities.jsonl'), 'jsonl', { publish: true });
    expect(first).toMatchObject({ registered: 10, failed: 8, published: 10, warnings: 2 });
    const [{ streams, published }] = await db.dataSource.query(
      `SELECT count(DISTINCT stream_id)::int AS streams,
              count(*) FILTER (WHERE type = 'ActivityPublished')::int AS published
         FROM events WHERE stream_type = 'Activity'`,
    );
    expect({ streams, published }).toEqual({ streams: 10, published: 10 });
    expect(await publicationOf('T-002')).toEqual(['ActivityPublished']);

    const before = await eventCount(db);
    const again = await importFile(db, fixture('activities.jsonl'), 'jsonl', { publish: true });
    expect(again).toMatchObject({ registered: 0, unchanged: 10, published: 0 });
    expect(await eventCount(db)).toBe(before);
  });

  it('leaves publication as it is without --publish, and publishes what an earlier import left unpublished', async () => {
    await importRecords(db, [aRecord({ id: 'P-1' })]);
    expect(await publicationOf('P-1')).toEqual([]);
    const published = await importActivities(db.dataSource, [{ line: 1, record: aRecord({ id: 'P-1' }) }], {
      publish: true,
    });
    expect(published).toMatchObject({ unchanged: 1, published: 1 });
    const unchanged = await importRecords(db, [aRecord({ id: 'P-1', title: 'Renamed' })]);
    expect(unchanged).toMatchObject({ revised: 1, published: 0 });
    expect(await publicationOf('P-1')).toEqual(['ActivityPublished']);
  });

  it('imports a cancelled activity without publishing it, with a warning naming its state', async () => {
    await importRecords(db, [aRecord({ id: 'P-2', status: 'PIPELINE' })]);
    const summary = await importActivities(
      db.dataSource,
      [{ line: 1, record: aRecord({ id: 'P-2', status: 'CANCELLED' }) }],
      { publish: true },
    );
    expect(summary).toMatchObject({ revised: 1, failed: 0, published: 0, warnings: 1 });
    expect(summary.problems).toEqual([
      {
        line: 1,
        id: 'P-2',
        severity: 'warning',
        code: 'NOT_PUBLISHED',
        message: 'Activity is CANCELLED; cannot publish: imported, not published',
        fields: [{ field: 'status', value: 'CANCELLED', reason: 'Activity is CANCELLED; cannot publish' }],
      },
    ]);
    expect(await publicationOf('P-2')).toEqual([]);
  });

  it('a dry run with --publish counts what would be published and stores nothing', async () => {
    const stored = await eventCount(db);
    const dry = await importActivities(
      db.dataSource,
      [
        { line: 1, record: aRecord({ id: 'P-3' }) },
        { line: 2, record: aRecord({ id: 'P-4', status: 'CANCELLED' }) },
        { line: 3, record: aRecord({ id: 'P-1' }) },
      ],
      { dryRun: true, publish: true },
    );
    expect(dry).toMatchObject({ registered: 2, unchanged: 0, revised: 1, published: 1, warnings: 1, dryRun: true });
    expect(dry.problems.map((p) => [p.line, p.code])).toEqual([[2, 'NOT_PUBLISHED']]);
    expect(await eventCount(db)).toBe(stored);
  });
});

describe('importActivities: the development set (real Postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await newDatabase();
  });
  afterAll(() => db.close());

  it('imports its first 200 lines without a failure, and again without an event', async () => {
    const first = await importFile(db, DEV_SET_HEAD, 'jsonl');
    expect(first).toMatchObject({ lines: 200, registered: 200, failed: 0 });
    const events = await eventCount(db);
    const again = await importFile(db, DEV_SET_HEAD, 'jsonl');
    expect(again).toMatchObject({ lines: 200, unchanged: 200, failed: 0, organisationsCreated: [] });
    expect(await eventCount(db)).toBe(events);
  });
});
