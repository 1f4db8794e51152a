import { addByCurrency, CallApplications, emptySummary } from './call-applications';

describe('Call summaries', () => {
  it('adds amounts of the same currency and keeps the others apart, by currency code', () => {
    expect(
      addByCurrency(
        [
          { amount: '450000.00', currency: 'USD' },
          { amount: '1000.5', currency: 'EUR' },
        ],
        [{ amount: '50000.00', currency: 'USD' }],
      ),
    ).toEqual([
      { amount: '1000.50', currency: 'EUR' },
      { amount: '500000.00', currency: 'USD' },
    ]);
    expect(addByCurrency([], [])).toEqual([]);
  });

  it('keeps every digit of large amounts', () =>
    expect(
      addByCurrency([
        { amount: '999999999999999.999', currency: 'KWD' },
        { amount: '0.001', currency: 'KWD' },
      ]),
    ).toEqual([{ amount: '1000000000000000.00', currency: 'KWD' }]));

  it('answers one summary per call asked, in order, zeros for calls without proposals, in one query', async () => {
    const query = jest.fn().mockResolvedValue([
      {
        call_id: 'call-2',
        applications: 3,
        funded: 1,
        rejected: 1,
        countries_funded: ['KHM', 'LAO'],
        funded_amount: [{ currency: 'USD', amount: '400000.00' }],
        co_funding: [
          { currency: 'EUR', amount: '1000.00' },
          { currency: 'USD', amount: '40000.00' },
        ],
      },
    ]);
    const calls = new CallApplications({ query } as never);
    expect(await calls.summaries(['call-1', 'call-2', 'call-1'])).toEqual([
      emptySummary('call-1'),
      {
        callId: 'call-2',
        applications: 3,
        funded: 1,
        rejected: 1,
        countriesFunded: ['KHM', 'LAO'],
        fundedAmount: [{ currency: 'USD', amount: '400000.00' }],
        coFunding: [
          { currency: 'EUR', amount: '1000.00' },
          { currency: 'USD', amount: '40000.00' },
        ],
        total: [
          { currency: 'EUR', amount: '1000.00' },
          { currency: 'USD', amount: '440000.00' },
        ],
      },
      emptySummary('call-1'),
    ]);
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][1]).toEqual([['call-1', 'call-2']]);
    expect(await calls.summaries([])).toEqual([]);
    expect(query).toHaveBeenCalledTimes(1);
  });
});
