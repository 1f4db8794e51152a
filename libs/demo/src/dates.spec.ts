import { periodSpanOf, spanOf } from './dates';

describe('dates of the document tables', () => {
  it('spans the dates a text gives, wherever they stand, widening months and years to their days', () => {
    expect(spanOf('approved 2017-03-24; launched July 2017')).toEqual({
      start: '2017-03-24',
      end: '2017-07-31',
      widened: true,
    });
    expect(spanOf('adopted/launched July 2018; runs 2018–2023')).toMatchObject({
      start: '2018-01-01',
      end: '2023-12-31',
    });
    expect(spanOf('endorsed February 2024')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(spanOf('(none)')).toBeUndefined();
  });

  it('reads a period only from a text that says nothing but dates', () => {
    expect(periodSpanOf('2020-02-01 to 2022-03-31')).toEqual({
      start: '2020-02-01',
      end: '2022-03-31',
      widened: false,
    });
    expect(periodSpanOf('June 2021 to November 2022')).toMatchObject({ start: '2021-06-01', end: '2022-11-30' });
    expect(periodSpanOf('2019–22')).toMatchObject({ start: '2019-01-01', end: '2022-12-31' });
    for (const text of [
      'since 2011',
      'COVID-19',
      'targets to be reached by February 2022',
      'Togo 2018; Senegal 2019–20',
    ]) {
      expect(periodSpanOf(text)).toBeUndefined();
    }
  });
});
