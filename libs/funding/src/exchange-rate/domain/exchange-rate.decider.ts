import { ConcordError, type Decider, type FieldError, isIsoDate } from '@concord/kernel';
import { isCurrency } from '@concord/reference';
import { Decimal } from 'decimal.js';
import { REPORTING_CURRENCY } from '../../funding.vocabulary';
import type { ExchangeRateCommand } from './exchange-rate.commands';
import type { ExchangeRate, ExchangeRateEvent } from './exchange-rate.events';

/** A currency's rates by ISO date. */
export interface ExchangeRateState {
  currency: string | null;
  rates: Record<string, { rate: string; source: string }>;
}

const RATE = /^\d{1,12}(\.\d{1,10})?$/;
const MAX_SOURCE = 200;

/** Every fault of the batch at once, so a file's author can fix them in one go. */
function validRates(currency: string, rates: ExchangeRate[]): ExchangeRate[] {
  const faults: FieldError[] = [];
  if (!isCurrency(currency)) {
    faults.push({ path: 'currency', value: currency, message: 'is not an ISO 4217 currency code, e.g. EUR' });
  } else if (currency === REPORTING_CURRENCY) {
    faults.push({
      path: 'currency',
      value: currency,
      message: `is the reporting currency: its rate is 1 by definition`,
    });
  }
  if (rates.length === 0) faults.push({ path: 'rates', value: [], message: 'must hold at least one rate' });
  const seen = new Map<string, string>();
  const valid = rates.map((given, i) => {
    const on = (given.on ?? '').trim();
    const rate = (given.rate ?? '').trim();
    const source = (given.source ?? '').trim();
    if (!isIsoDate(on))
      faults.push({ path: `rates[${i}].on`, value: given.on, message: 'must be a date written YYYY-MM-DD' });
    if (!RATE.test(rate) || new Decimal(rate).isZero()) {
      faults.push({
        path: `rates[${i}].rate`,
        value: given.rate,
        message: `must be a number greater than zero with at most 10 decimals: units of the currency per ${REPORTING_CURRENCY}`,
      });
    }
    if (!source)
      faults.push({ path: `rates[${i}].source`, value: given.source, message: 'must name where the rate comes from' });
    if (source.length > MAX_SOURCE) {
      faults.push({
        path: `rates[${i}].source`,
        value: given.source,
        message: `must be at most ${MAX_SOURCE} characters`,
      });
    }
    const earlier = seen.get(on);
    if (earlier !== undefined && RATE.test(rate) && !new Decimal(earlier).equals(rate)) {
      faults.push({
        path: `rates[${i}].rate`,
        value: given.rate,
        message: `contradicts the rate ${earlier} given for ${on} earlier in the batch`,
      });
    }
    seen.set(on, rate);
    return { on, rate: RATE.test(rate) ? new Decimal(rate).toFixed() : rate, source };
  });
  if (faults.length) throw ConcordError.invalidFields(faults);
  return valid;
}

/** Exchange rates of one currency against the reporting currency, as pure functions. */
export const exchangeRateDecider: Decider<ExchangeRateCommand, ExchangeRateEvent, ExchangeRateState> = {
  initialState: { currency: null, rates: {} },

  decide(command, state) {
    const { currency } = command.data;
    if (state.currency !== null && state.currency !== currency) {
      throw ConcordError.badInput('WRONG_CURRENCY', {
        path: 'currency',
        value: currency,
        message: `this history is of ${state.currency}`,
      });
    }
    const rates = validRates(currency, command.data.rates);
    // The last of equal dates wins; unchanged rates are dropped, so a re-import appends nothing.
    const byDate = new Map(rates.map((r) => [r.on, r]));
    const changed = [...byDate.values()]
      .filter((r) => {
        const known = state.rates[r.on];
        return !known || !new Decimal(known.rate).equals(r.rate) || known.source !== r.source;
      })
      .sort((a, b) => a.on.localeCompare(b.on));
    return changed.length ? [{ type: 'ExchangeRatesRecorded', data: { currency, rates: changed } }] : [];
  },

  evolve(state, event) {
    const rates = { ...state.rates };
    for (const { on, rate, source } of event.data.rates) rates[on] = { rate, source };
    return { currency: event.data.currency, rates };
  },
};
