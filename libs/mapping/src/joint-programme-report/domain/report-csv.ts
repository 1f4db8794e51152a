import { CSV_BYTE_ORDER_MARK, csvLine } from '@concord/kernel';
import type { JointProgrammeReport } from './joint-programme-report';
import { reportTables, type ReportTableName } from './report-tables';

/**
 * One table of the report as CSV: a byte order mark (spreadsheets then read UTF-8), the header
 * row, then the rows with raw values (decimals as stored, no grouping), no totals.
 */
export function reportCsv(report: JointProgrammeReport, name: ReportTableName): string {
  const table = reportTables(report).find((t) => t.name === name)!;
  return CSV_BYTE_ORDER_MARK + csvLine(table.columns.map((c) => c.header)) + table.rows.map(csvLine).join('');
}
