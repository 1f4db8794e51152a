import { specFor } from '@concord/kernel/testing';
import type { ExchangeRateCommand } from './exchange-rate.commands';
import { exchangeRateDecider } from './exchange-rate.decider';
import type { ExchangeRate, ExchangeRateEvent } from './exchange-rate.events';

const given = specFor(exchangeRateDecider);
const ecb = (on: string, rate: string): ExchangeRate => ({ on, rate, source: 'ECB reference rate' });
const record = (currency: string, ...rates: ExchangeRate[]): ExchangeRateCommand => ({
  type: 'RecordExchangeRates',
  data: { currency, rates },
});
const recorded = (currency: string, ...rates: ExchangeRate[]): ExchangeRateEvent => ({
  type: 'ExchangeRatesRecorded',
  data: { currency, rates },
});

describe('Exchange rates', () => {
  it('records rates in date order, in one spelling', () =>
    given()
      .when(record('EUR', ecb('2024-02-01', '0.92500'), ecb('2024-01-02', '0.91')))
      .then([recorded('EUR', ecb('2024-01-02', '0.91'), ecb('2024-02-01', '0.925'))]));

  it('records only new or corrected rates, and nothing when a file is imported again', () => {
    const history = recorded('EUR', ecb('2024-01-02', '0.91'));
    given(history)
      .when(record('EUR', ecb('2024-01-02', '0.910')))
      .then([]);
    given(history)
      .when(record('EUR', ecb('2024-01-02', '0.9105'), ecb('2024-01-03', '0.92')))
      .then([recorded('EUR', ecb('2024-01-02', '0.9105'), ecb('2024-01-03', '0.92'))]);
  });

  it('records a new source for the same rate, so the source of each rate is kept', () =>
    given(recorded('EUR', ecb('2024-01-02', '0.91')))
      .when(record('EUR', { on: '2024-01-02', rate: '0.91', source: 'UN operational rate' }))
      .then([recorded('EUR', { on: '2024-01-02', rate: '0.91', source: 'UN operational rate' })]));

  it('refuses the reporting currency and unknown currencies', () => {
    given()
      .when(record('USD', ecb('2024-01-02', '1')))
      .thenThrows('INVALID_INPUT', /^currency: is the reporting currency/);
    given()
      .when(record('XYZ', ecb('2024-01-02', '1')))
      .thenThrows('INVALID_INPUT', /^currency: is not an ISO 4217/);
  });

  it('names every bad rate of a batch at once', () =>
    given()
      .when(
        record('EUR', ecb('2024-02-30', '0.9'), ecb('2024-01-02', '0'), { on: '2024-01-03', rate: '-1', source: ' ' }),
      )
      .thenThrows(
        'INVALID_INPUT',
        /^rates\[0\]\.on: must be a date.*; rates\[1\]\.rate: must be a number greater than zero.*; rates\[2\]\.rate: .*; rates\[2\]\.source: must name where/,
      ));

  it('refuses two different rates for one day in one batch', () =>
    given()
      .when(record('EUR', ecb('2024-01-02', '0.91'), ecb('2024-01-02', '0.95')))
      .thenThrows('INVALID_INPUT', /rates\[1\]\.rate: contradicts the rate 0.91 given for 2024-01-02/));

  it('refuses an empty batch', () =>
    given()
      .when(record('EUR'))
      .thenThrows('INVALID_INPUT', /^rates: must hold at least one/));
});
