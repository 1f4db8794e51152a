/**
 * A progress report's period: a year, or a half or quarter of one ('2024', '2024-H1', '2024-Q3').
 * Shared by the rule that checks a report and by the readers that look one up.
 */

const REPORT_PERIOD = /^(\d{4})(?:-(H1|H2|Q1|Q2|Q3|Q4))?$/;
/** First and last day (MM-DD) of each part of a year. */
const PERIOD_PARTS: Record<string, [string, string]> = {
  '': ['01-01', '12-31'],
  H1: ['01-01', '06-30'],
  H2: ['07-01', '12-31'],
  Q1: ['01-01', '03-31'],
  Q2: ['04-01', '06-30'],
  Q3: ['07-01', '09-30'],
  Q4: ['10-01', '12-31'],
};

/** What a malformed period is told. */
export const REPORT_PERIOD_RULE = "must be a year or half/quarter of one: '2024', '2024-H1', '2024-Q3'";

export interface ReportPeriodDays {
  year: number;
  /** YYYY-MM-DD */
  first: string;
  /** YYYY-MM-DD */
  last: string;
}

/** The year and the first and last days of a report period, or undefined if it is not one. */
export function reportPeriodDays(period: string): ReportPeriodDays | undefined {
  const match = REPORT_PERIOD.exec(period ?? '');
  if (!match) return undefined;
  const [first, last] = PERIOD_PARTS[match[2] ?? ''].map((day) => `${match[1]}-${day}`);
  return { year: Number(match[1]), first, last };
}
