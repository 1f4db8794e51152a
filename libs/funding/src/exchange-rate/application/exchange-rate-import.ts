import type { CommandRunner, EventStore } from '@concord/eventing';
import { ConcordError, csvRows, fold, systemActor, type FieldError } from '@concord/kernel';
import { exchangeRateAggregate, exchangeRateStreamId } from '../domain/exchange-rate.aggregate';
import { exchangeRateDecider } from '../domain/exchange-rate.decider';
import type { ExchangeRate, ExchangeRateEvent } from '../domain/exchange-rate.events';

/** The columns a rates file must have, named in its header in any order; others are ignored. */
export const RATES_COLUMNS = ['currency', 'date', 'rate', 'source'] as const;
/** Rates per event, so no event grows past a few tens of kilobytes. */
const RATES_PER_EVENT = 500;

/** One currency's rates as read, each with the file line it came from. */
export type RatesByCurrency = Map<string, { rate: ExchangeRate; line: number }[]>;

export interface RatesImportSummary {
  lines: number;
  currencies: number;
  /** Rates new or changed, now recorded. */
  recorded: number;
  unchanged: number;
}

const lineError = (line: number, field: string, value: unknown, message: string): FieldError => ({
  path: `line ${line}: ${field}`,
  value,
  message,
});

/**
 * Reads a rates CSV (a header naming `currency`, `date`, `rate` and `source`, in any order and
 * case, other columns ignored; rate = units of the currency per USD) and checks every line with
 * the same rules the decider applies, before anything is recorded: a file with a bad line records
 * nothing, and every bad line is named.
 */
export async function readRatesFile(lines: AsyncIterable<string> | Iterable<string>): Promise<RatesByCurrency> {
  const byCurrency: RatesByCurrency = new Map();
  const faults: FieldError[] = [];
  let columns: Record<(typeof RATES_COLUMNS)[number], number> | undefined;
  let width = 0;
  for await (const row of csvRows(lines)) {
    if ('error' in row) {
      faults.push(lineError(row.line, 'record', row.text, row.error));
      continue;
    }
    if (!columns) {
      columns = columnsOf(row.fields);
      width = row.fields.length;
      continue;
    }
    if (row.fields.length === 1 && row.fields[0].trim() === '') continue; // a blank line
    if (row.fields.length !== width) {
      faults.push(lineError(row.line, 'record', row.fields.join(','), `must have ${width} fields, as the header`));
      continue;
    }
    const field = (name: (typeof RATES_COLUMNS)[number]) => row.fields[columns![name]].trim();
    const currency = field('currency').toUpperCase();
    const list = byCurrency.get(currency) ?? [];
    list.push({ rate: { on: field('date'), rate: field('rate'), source: field('source') }, line: row.line });
    byCurrency.set(currency, list);
  }
  for (const [currency, rates] of byCurrency) faults.push(...dryRunFaults(currency, rates));
  if (faults.length) throw ConcordError.invalidFields(faults);
  return byCurrency;
}

/** Where each column is, from the header; the file is refused when one is missing or named twice. */
function columnsOf(header: string[]): Record<(typeof RATES_COLUMNS)[number], number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = RATES_COLUMNS.filter((column) => !names.includes(column));
  const twice = RATES_COLUMNS.filter((column) => names.indexOf(column) !== names.lastIndexOf(column));
  if (missing.length || twice.length) {
    const problems = [
      ...(missing.length ? [`lacks ${missing.join(', ')}`] : []),
      ...(twice.length ? [`names ${twice.join(', ')} twice`] : []),
    ];
    throw ConcordError.badInput('BAD_HEADER', {
      path: 'line 1',
      value: header.join(','),
      message: `${problems.join(' and ')}: the header must name ${RATES_COLUMNS.join(', ')}`,
    });
  }
  return Object.fromEntries(RATES_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    (typeof RATES_COLUMNS)[number],
    number
  >;
}

/** The decider's verdict on a currency's rates, its field paths turned into file lines. */
function dryRunFaults(currency: string, rates: { rate: ExchangeRate; line: number }[]): FieldError[] {
  try {
    exchangeRateDecider.decide(
      { type: 'RecordExchangeRates', data: { currency, rates: rates.map((r) => r.rate) } },
      exchangeRateDecider.initialState,
      { actor: systemActor, now: new Date() },
    );
    return [];
  } catch (error) {
    if (!(error instanceof ConcordError)) throw error;
    return error.fields.map((f) => {
      const at = /^rates\[(\d+)\]\.(\w+)$/.exec(f.path);
      if (at) return { ...f, path: `line ${rates[Number(at[1])].line}: ${at[2] === 'on' ? 'date' : at[2]}` };
      return { ...f, path: `line ${rates[0].line}: ${f.path}` };
    });
  }
}

/**
 * Records the rates read, one stream per currency, as the system actor. The history is read
 * first so the summary can say how many rates were new or changed (the decider drops the rest).
 */
export async function importRates(
  { runner, store }: { runner: CommandRunner; store: Pick<EventStore, 'readStream'> },
  byCurrency: RatesByCurrency,
  correlationId: string,
): Promise<RatesImportSummary> {
  const summary: RatesImportSummary = { lines: 0, currencies: byCurrency.size, recorded: 0, unchanged: 0 };
  for (const [currency, rates] of byCurrency) {
    summary.lines += rates.length;
    const streamId = exchangeRateStreamId(currency);
    for (let i = 0; i < rates.length; i += RATES_PER_EVENT) {
      const chunk = rates.slice(i, i + RATES_PER_EVENT).map((r) => r.rate);
      const command = { type: 'RecordExchangeRates' as const, data: { currency, rates: chunk } };
      const history = await store.readStream<ExchangeRateEvent['data']>(streamId);
      const state = fold(
        exchangeRateDecider,
        history.map((e) => ({ type: e.type, data: e.data }) as ExchangeRateEvent),
      );
      const [event] = exchangeRateDecider.decide(command, state, { actor: systemActor, now: new Date() });
      await runner.run(exchangeRateAggregate, { streamId, command, actor: systemActor, correlationId });
      const recorded = event?.data.rates.length ?? 0;
      summary.recorded += recorded;
      summary.unchanged += chunk.length - recorded;
    }
  }
  return summary;
}
