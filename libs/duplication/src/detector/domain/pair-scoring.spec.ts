import { judgePair } from './pair-scoring';
import type { PairSignals } from './pair-signals';

/** Two records of one cash transfer activity by the same agency, entered days apart. */
const twice: PairSignals = {
  title: 0.9,
  text: 0.8,
  startDays: 4,
  endDays: 0,
  periodOverlap: 1,
  sameBudget: true,
  sameLead: true,
  organisationInCommon: true,
  sameJointProgramme: false,
  divisionOfLabour: false,
  areas: 1,
  targetGroups: 1,
  guarantees: 1,
  policyAreas: 1,
  functions: 1,
  counterparts: 1,
};
/** Two agencies paying cash to the same refugees in the same governorate at the same time. */
const sideBySide: PairSignals = {
  ...twice,
  title: 0.2,
  text: 0.5,
  startDays: 120,
  endDays: 90,
  periodOverlap: 0.8,
  sameBudget: false,
  sameLead: false,
  organisationInCommon: false,
};

describe('Judging a pair', () => {
  it('calls the same activity entered twice a duplicate record, saying why', () => {
    const verdict = judgePair(twice)!;
    expect(verdict.kind).toBe('DUPLICATE_RECORD');
    expect(verdict.contributions.map((c) => c.says)).toEqual(
      expect.arrayContaining(['titles alike (90 % of their words)', 'start dates 4 days apart', 'the same budget']),
    );
    expect(verdict.score).toBeCloseTo(
      verdict.contributions.reduce((sum, c) => sum + c.points, 0),
      1,
    );
  });

  it('calls two organisations doing the same for the same people, places and time overlapping effort', () =>
    expect(judgePair(sideBySide)).toMatchObject({ kind: 'OVERLAPPING_EFFORT' }));

  it('never calls a pair in different places, by both accounts, either', () => {
    expect(judgePair({ ...twice, areas: 0 })).toBeNull();
    expect(judgePair({ ...sideBySide, areas: 0 })).toBeNull();
  });

  it('takes a shared joint programme or organisation, or an agreed division of labour, as coordination, not overlap', () => {
    expect(judgePair({ ...sideBySide, sameJointProgramme: true })).toBeNull();
    expect(judgePair({ ...sideBySide, divisionOfLabour: true })).toBeNull();
    expect(judgePair({ ...twice, divisionOfLabour: true })).toMatchObject({ kind: 'DUPLICATE_RECORD' });
    expect(judgePair({ ...sideBySide, organisationInCommon: true, title: 0.1, startDays: 120 })).toBeNull();
  });

  it('needs the periods to overlap for a real share, and a function in common', () => {
    expect(judgePair({ ...sideBySide, periodOverlap: 0.1 })).toBeNull();
    expect(judgePair({ ...sideBySide, functions: 0 })).toBeNull();
    expect(judgePair({ ...sideBySide, functions: null })).toMatchObject({ kind: 'OVERLAPPING_EFFORT' });
  });

  it('leaves alone two activities that merely share a country and a theme', () =>
    expect(
      judgePair({ ...sideBySide, text: 0.1, targetGroups: 0.2, guarantees: 0.3, areas: null, counterparts: 0 }),
    ).toBeNull());
});
