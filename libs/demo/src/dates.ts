/** Dates as the document tables write them: "2017-03-24", "July 2017", "2020–22", "2018". */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date, a month and year, a range of years ("2018–22", "2018-2023") or a year. */
const DATE_PARTS = new RegExp(
  `(\\d{4}-\\d{2}-\\d{2})|(${MONTHS.join('|')}) (\\d{4})|(\\d{4})\\s*[–-]\\s*(\\d{2,4})\\b|(\\d{4})`,
  'gi',
);

export interface Span {
  start: string;
  end: string;
  /** Whether a month or a year was widened to its first and last day. */
  widened: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: string, month: number) => new Date(Date.UTC(Number(year), month, 0)).getUTCDate();

/** The first and last day one date part stands for. */
function partSpan(m: RegExpExecArray): Span {
  if (m[1]) return { start: m[1], end: m[1], widened: false };
  if (m[2]) {
    const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
    return { start: `${m[3]}-${pad(month)}-01`, end: `${m[3]}-${pad(month)}-${lastDay(m[3], month)}`, widened: true };
  }
  if (m[4]) return { start: `${m[4]}-01-01`, end: `${m[5].padStart(4, m[4].slice(0, 2))}-12-31`, widened: true };
  return { start: `${m[6]}-01-01`, end: `${m[6]}-12-31`, widened: true };
}

/**
 * From the first to the last day the dates in a text stand for, wherever they stand in it:
 * "approved 2017-03-24; launched July 2017" → 2017-03-24 to 2017-07-31. None: undefined.
 */
export function spanOf(text: string): Span | undefined {
  const spans = [...text.matchAll(DATE_PARTS)].map(partSpan);
  if (!spans.length) return undefined;
  return {
    start: spans.map((s) => s.start).sort()[0],
    end: spans
      .map((s) => s.end)
      .sort()
      .reverse()[0],
    widened: spans.some((s) => s.widened),
  };
}

/**
 * The span of a text that says nothing but dates ("2020–22", "June 2021 to November 2022",
 * "2020-02-01 to 2022-03-31"); undefined for one that says more ("since 2011", "Togo 2018").
 */
export function periodSpanOf(text: string): Span | undefined {
  const rest = text
    .replace(DATE_PARTS, '')
    .replace(/\bto\b/gi, '')
    .trim();
  return rest ? undefined : spanOf(text);
}
