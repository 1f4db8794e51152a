import { ConcordError } from '@concord/kernel';
import { exceeds, sumAmounts, validAmount, validMoney } from './money';

const fieldError = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConcordError);
    return (error as ConcordError).fields[0];
  }
  throw new Error('expected a field error');
};

describe('Money', () => {
  it('keeps one spelling per amount, with at least two decimals', () => {
    expect(validAmount('amount', '250000')).toBe('250000.00');
    expect(validAmount('amount', '250000.5')).toBe('250000.50');
    expect(validAmount('amount', ' 12.345 ')).toBe('12.345');
  });

  it('adds decimal strings exactly, where binary floats would not', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(['69000000', '32000000'])).toBe('101000000.00');
    expect(sumAmounts([])).toBe('0.00');
    expect(exceeds('100.01', '100')).toBe(true);
    expect(exceeds('100.00', '100')).toBe(false);
  });

  it('refuses zero, negative, float-like and over-precise amounts, naming the field', () => {
    expect(fieldError(() => validAmount('requested.amount', '0'))).toEqual({
      path: 'requested.amount',
      value: '0',
      message: 'must be greater than zero',
    });
    for (const value of ['-5', '1e6', '12.3456', 'abc', '']) {
      expect(fieldError(() => validAmount('amount', value))).toMatchObject({ path: 'amount', value });
    }
    expect(validAmount('amount', '0', { allowZero: true })).toBe('0.00');
  });

  it('refuses a currency that is not ISO 4217', () => {
    expect(fieldError(() => validMoney('envelope', { amount: '10', currency: 'XYZ' }))).toEqual({
      path: 'envelope.currency',
      value: 'XYZ',
      message: 'is not an ISO 4217 currency code, e.g. USD',
    });
    expect(validMoney('envelope', { amount: '10', currency: 'EUR' })).toEqual({ amount: '10.00', currency: 'EUR' });
  });
});
