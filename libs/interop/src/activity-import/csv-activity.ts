import { LINE_FIELDS, LIST_FIELDS } from './activity-line';

/**
 * The CSV columns: FORMAT.md's fields in its order, with `budget` written as two columns,
 * `amount` and `currency`. Lists are `;`-separated; partners are `ORG:ROLE;ORG:ROLE`.
 */
export const CSV_COLUMNS: readonly string[] = LINE_FIELDS.flatMap((f) =>
  f === 'budget' ? ['amount', 'currency'] : [f],
);

const REQUIRED_COLUMNS = ['id', 'title', 'organisation', 'country', 'start', 'end'];
const LIST_SEPARATOR = ';';
const PARTNER_SEPARATOR = ':';
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The header's column names; unknown ones are returned so the import can name them in a warning. */
export function csvHeader(fields: string[]): { columns: string[]; unknown: string[] } {
  const columns = fields.map((f) => f.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  // A header without these would fail every line for the same reason: one message says it once.
  if (missing.length) {
    throw new Error(
      `the CSV header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(columns: ${CSV_COLUMNS.join(',')})`,
    );
  }
  const repeated = columns.filter((c, i) => c && columns.indexOf(c) !== i);
  if (repeated.length) throw new Error(`the CSV header repeats the column ${repeated.join(', ')}`);
  return { columns, unknown: columns.filter((c) => !CSV_COLUMNS.includes(c)) };
}

const list = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter(Boolean);

/** "ILO:FUNDING" → { organisation: 'ILO', role: 'FUNDING' }; a missing role is left for the decider to name. */
const partner = (entry: string) => {
  const [organisation, role = ''] = entry.split(PARTNER_SEPARATOR).map((v) => v.trim());
  return { organisation, role };
};

/** A number where the cell holds one; anything else is kept as text, for the line check to name. */
const amount = (cell: string) => (NUMBER.test(cell) ? Number(cell) : cell);

/** One CSV row as the FORMAT.md record it stands for; empty cells are absent fields. */
export function csvRecordOf(columns: string[], fields: string[]): Record<string, unknown> {
  const cells = new Map(columns.map((c, i) => [c, (fields[i] ?? '').trim()] as const).filter(([, v]) => v !== ''));
  const record: Record<string, unknown> = {};
  for (const [column, cell] of cells) {
    if ((LIST_FIELDS as readonly string[]).includes(column)) record[column] = list(cell);
    else if (column === 'partners') record.partners = list(cell).map(partner);
    else if (column !== 'amount' && column !== 'currency' && CSV_COLUMNS.includes(column)) record[column] = cell;
  }
  const [amountCell, currency] = [cells.get('amount'), cells.get('currency')];
  if (amountCell !== undefined || currency !== undefined) {
    record.budget = { currency, amount: amountCell === undefined ? undefined : amount(amountCell) };
  }
  return record;
}
