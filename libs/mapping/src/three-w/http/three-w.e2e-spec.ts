import { directoryContext } from '@concord/directory';
import { activityAggregate, programmingContext } from '@concord/programming';
import { csvRows, newId, systemActor } from '@concord/kernel';
import { startTestApp, type TestApp } from '@concord/test-support';
import { Workbook } from 'exceljs';
import { Readable } from 'node:stream';
import { mappingContext } from '../../mapping.context';
import { mutationSender, projected } from '../../testing/graphql-steps';
import { THREE_W_COLUMNS } from '../domain/three-w-columns';

describe('3W export over HTTP (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let send: ReturnType<typeof mutationSender>;

  const download = (query: string, token?: string, format: 'csv' | 'xlsx' = 'csv') =>
    fetch(`${app.url}/exports/3w.${format}?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const rowsOf = async (response: Response) => {
    const rows = [];
    for await (const row of csvRows((await response.text()).split(/\r\n/).filter(Boolean))) rows.push(row);
    return rows.map((r) => ('fields' in r ? r.fields : [r.error]));
  };

  const workbookOf = async (response: Response) => {
    const workbook = new Workbook();
    await workbook.xlsx.read(Readable.from(Buffer.from(await response.arrayBuffer())));
    return workbook;
  };

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, mappingContext]);
    admin = await app.token({ sub: 'admin', roles: ['platform-admin'] });
    send = mutationSender(app, admin);
    await send('registerOrganisation', { code: 'WFP', name: 'World Food Programme', type: '40' });
    // Past one batch of the export (1,000 rows), through the command path without HTTP for speed.
    for (let i = 1; i <= 1203; i++) {
      await app.runtime.commands.run(activityAggregate, {
        streamId: `MWI-${String(i).padStart(4, '0')}`,
        actor: systemActor,
        correlationId: newId(),
        command: {
          type: 'RegisterActivity',
          data: {
            titles: { en: i === 1 ? 'Transferts monétaires, "plus" services' : `Activity ${i}` },
            organisation: 'WFP',
            partners: [{ organisation: 'UNICEF', role: 'IMPLEMENTING' }],
            country: 'MWI',
            areas: ['Lilongwe'],
            functions: ['CASH_TRANSFER'],
            start: `2021-01-${String((i % 28) + 1).padStart(2, '0')}`,
            end: '2022-12-31',
            status: i % 2 ? 'IMPLEMENTATION' : 'CLOSED',
            budget: i === 1 ? [{ year: 2021, currency: 'USD', required: '1250000.50', available: '600000' }] : [],
          },
        },
      });
    }
    await send('registerActivity', {
      id: 'KHM-1',
      titles: { en: 'Elsewhere' },
      organisation: 'WFP',
      country: 'KHM',
      functions: ['CASH_TRANSFER'],
      start: '2021-01-01',
      end: '2021-12-31',
      status: 'IMPLEMENTATION',
    });
    await send('publishActivity', { id: 'MWI-0001' });
    await projected(app, ['directory', 'programming'], 60_000);
  }, 240_000);
  afterAll(() => app.close());

  it("streams a country's activities as CSV: header row, HXL row, every row past the batch size", async () => {
    const response = await download('country=MWI', admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="3w-MWI.csv"');
    // A UTF-8 byte order mark first, so spreadsheets read accents right (fetch's text() drops it).
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [headers, hxl, ...rows] = await rowsOf(response);
    expect(headers[0]).toBe('Activity ID');
    expect(hxl).toEqual(THREE_W_COLUMNS.map((c) => c.hxl));
    expect(rows).toHaveLength(1203);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1203);
    const first = rows.find((r) => r[0] === 'MWI-0001')!;
    expect(first.slice(0, 6)).toEqual([
      'MWI-0001',
      'Transferts monétaires, "plus" services',
      'World Food Programme',
      'WFP',
      'UNICEF',
      '',
    ]);
  });

  it('filters, and shows anonymous callers published activities only', async () => {
    const [, , ...closed] = await rowsOf(await download('country=MWI&status=CLOSED', admin));
    expect(closed).toHaveLength(601);
    const [, , ...published] = await rowsOf(await download('country=MWI'));
    expect(published.map((r) => r[0])).toEqual(['MWI-0001']);
    const workbook = await workbookOf(await download('country=MWI', undefined, 'xlsx'));
    expect(workbook.worksheets[0].actualRowCount).toBe(2 + 1);
    expect(workbook.worksheets[0].getRow(3).getCell(1).value).toBe('MWI-0001');
  });

  it('streams the same table as XLSX: one sheet, header and HXL rows frozen, amounts as numbers', async () => {
    const response = await download('country=MWI', admin, 'xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="3w-MWI.xlsx"');
    const workbook = await workbookOf(response);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('3W MWI');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(THREE_W_COLUMNS.map((c) => c.header));
    expect(values(2)).toEqual(THREE_W_COLUMNS.map((c) => c.hxl));
    expect(sheet.actualRowCount).toBe(2 + 1203);
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width!);
    const at = (row: number, header: string) =>
      sheet.getRow(row).getCell(THREE_W_COLUMNS.findIndex((c) => c.header === header) + 1);
    const row = [...Array(sheet.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => at(r, 'Activity ID').value === 'MWI-0001')!;
    expect(at(row, 'Activity').value).toBe('Transferts monétaires, "plus" services');
    expect(at(row, 'Implementing partners').value).toBe('UNICEF');
    expect(at(row, 'Start').value).toBe('2021-01-02');
    expect(at(row, 'Budget required').value).toBe(1250000.5);
    expect(at(row, 'Budget required').numFmt).toBe('#,##0.00');
    expect(at(row, 'Budget available').value).toBe(600000);
    expect(at(row, 'Budget spent').value).toBe(0);
    expect(at(row, 'Funding partners').value).toBeFalsy();
  });

  it('refuses a bad query with the status and the field, in both formats alike', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const missing = await download('', undefined, format);
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', fields: [{ path: 'country' }] } });
      const unknown = await download('country=XXX', undefined, format);
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toMatchObject({ error: { reason: 'UNKNOWN_COUNTRY' } });
      const badDate = await download('country=MWI&from=2021-13', undefined, format);
      expect(badDate.status).toBe(400);
      const badToken = await download('country=MWI', 'not-a-token', format);
      expect(badToken.status).toBe(401);
      expect(await badToken.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });
});
