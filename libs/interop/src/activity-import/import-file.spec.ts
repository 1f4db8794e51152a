import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRecords, readImportFile, type ImportFormat, type SourceRecord } from './import-file';

const fixture = (name: string) => join(__dirname, 'testing', name);

async function recordsOf(path: string, format: ImportFormat): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readImportFile(path, format)) records.push(record);
  return records;
}

const goodRecords = (records: SourceRecord[]) =>
  records.flatMap((r) =>
    'record' in r && String((r.record as { id: string }).id).match(/^(T|XM)-/) ? [r.record] : [],
  );

describe('Import files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'concord-import-file-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads the JSONL fixture line by line, skipping blank lines and naming the line of bad JSON', async () => {
    const records = await recordsOf(fixture('activities.jsonl'), 'jsonl');
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(records[5]).toEqual({
      line: 6,
      problem: {
        line: 6,
        severity: 'error',
        code: 'INVALID_JSON',
        message: expect.stringMatching(/^is not JSON: /),
        fields: [{ field: '(line)', value: '{"id": "B-001", "title": "Broken JSON",', reason: expect.any(String) }],
      },
    });
  });

  it('reads the CSV fixture into the same records as the JSONL one', async () => {
    const jsonl = goodRecords(await recordsOf(fixture('activities.jsonl'), 'jsonl'));
    const csv = goodRecords(await recordsOf(fixture('activities.csv'), 'csv'));
    // JSONL writes empty lists that CSV cannot tell from absent ones, and T-009 carries a field CSV has no column for.
    const withoutEmpty = (record: unknown) => {
      const entries = Object.entries(record as Record<string, unknown>).filter(
        ([key, value]) => !(Array.isArray(value) && value.length === 0) && key !== 'notes',
      );
      return Object.fromEntries(entries);
    };
    expect(csv).toHaveLength(10);
    expect(csv).toEqual(jsonl.map(withoutEmpty));
  });

  it('numbers CSV records by the line they start on and names rows of the wrong width', async () => {
    const records = await recordsOf(fixture('activities.csv'), 'csv');
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 14, 15, 16]);
    expect(records[6]).toMatchObject({
      line: 8,
      problem: {
        code: 'FIELD_COUNT',
        fields: [{ field: '(line)', value: 5, reason: expect.stringMatching(/^has 5 fields but the header has 23/) }],
      },
    });
  });

  it('warns once about unknown CSV columns and refuses a file without a header', async () => {
    const path = join(dir, 'extra.csv');
    await writeFile(path, 'id,title,organisation,country,start,end,sector\nA,T,ILO,KHM,2020-01-01,2020-12-31,health\n');
    const [warning, record] = await recordsOf(path, 'csv');
    expect(warning).toMatchObject({ line: 1, problem: { severity: 'warning', code: 'UNKNOWN_COLUMN' } });
    expect(record).toEqual({
      line: 2,
      record: { id: 'A', title: 'T', organisation: 'ILO', country: 'KHM', start: '2020-01-01', end: '2020-12-31' },
    });
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    await expect(recordsOf(empty, 'csv')).rejects.toThrow('the CSV file is empty: it needs a header line');
  });

  it('counts records ahead for the progress bar: blank lines and line breaks inside quotes do not count', async () => {
    expect(await countRecords(fixture('activities.jsonl'), 'jsonl')).toBe(18);
    expect(await countRecords(fixture('activities.csv'), 'csv')).toBe(13);
  });
});
