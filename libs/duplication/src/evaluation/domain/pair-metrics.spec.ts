import { evaluatePairs, type LabelledPair } from './pair-metrics';

const labels: LabelledPair[] = [
  { a: 'A', b: 'B', kind: 'DUPLICATE_RECORD' },
  { a: 'C', b: 'D', kind: 'OVERLAPPING_EFFORT' },
  { a: 'E', b: 'F', kind: 'OVERLAPPING_EFFORT' },
];

describe('Scoring detected pairs against labels', () => {
  it('counts pairs in either order, per kind and overall, with the confusion table', () => {
    const result = evaluatePairs(
      [
        { a: 'B', b: 'A', kind: 'DUPLICATE_RECORD' },
        { a: 'C', b: 'D', kind: 'DUPLICATE_RECORD' },
        { a: 'X', b: 'Y', kind: 'OVERLAPPING_EFFORT' },
      ],
      labels,
    );
    expect(result.perKind.DUPLICATE_RECORD).toEqual({
      precision: 0.5,
      recall: 1,
      f1: 0.667,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 0,
    });
    expect(result.perKind.OVERLAPPING_EFFORT).toMatchObject({ precision: 0, recall: 0, f1: 0, falseNegatives: 2 });
    expect(result.overall).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1, f1: 0.667 });
    expect(result.confusion).toEqual({
      DUPLICATE_RECORD: { DUPLICATE_RECORD: 1 },
      OVERLAPPING_EFFORT: { DUPLICATE_RECORD: 1, NONE: 1 },
      NONE: { OVERLAPPING_EFFORT: 1 },
    });
  });

  it('gives zeros, not NaN, when nothing is detected', () =>
    expect(evaluatePairs([], labels).overall).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 3,
    }));
});
