import { stream as excel } from 'exceljs';
import type { Writable } from 'node:stream';
import { THREE_W_COLUMNS, threeWFields, type ThreeWActivity } from '../domain/three-w-columns';
import { drained } from './drained';

/**
 * Writes a 3W workbook to `out` as the batches come, with exceljs' streaming writer: each row is
 * committed (turned into sheet XML and handed to the zip) as soon as it is added, so the workbook
 * never sits in memory; between batches it waits for `out` to drain. One sheet: the header row and
 * the HXL row, frozen, then one row per activity; amounts are numbers, everything else text (dates
 * as ISO text, as HXL writes them). Strings are never formulas in XLSX, so no CSV-injection guard.
 */
export async function writeThreeWXlsx(
  out: Writable,
  sheetName: string,
  batches: AsyncIterable<ThreeWActivity[]>,
): Promise<void> {
  const workbook = new excel.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = THREE_W_COLUMNS.map((c) => ({
    width: Math.max(c.width, c.header.length + 2),
    style: c.kind === 'amount' ? { numFmt: '#,##0.00' } : {},
  }));
  const header = sheet.addRow(THREE_W_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const hxl = sheet.addRow(THREE_W_COLUMNS.map((c) => c.hxl));
  hxl.font = { italic: true, color: { argb: 'FF595959' } };
  hxl.commit();
  for await (const batch of batches) {
    for (const activity of batch) {
      const fields = threeWFields(activity);
      sheet
        .addRow(
          fields.map((value, i) => (value !== null && THREE_W_COLUMNS[i].kind === 'amount' ? Number(value) : value)),
        )
        .commit();
    }
    await drained(out);
  }
  await workbook.commit(); // commits the sheet, closes the zip and ends `out`
}
