import { competes, competition, competitionReasons, type CompetitionSubject } from './competing-proposals';

const proposal = (overrides: Partial<CompetitionSubject> = {}): CompetitionSubject => ({
  id: 'p-ilo',
  organisations: ['ILO'],
  callId: null,
  donor: 'GERMANY',
  countries: ['KHM'],
  policyAreas: ['FINANCING'],
  guarantees: [],
  start: '2025-01-01',
  end: '2025-12-31',
  jointProgrammeId: null,
  status: 'SUBMITTED',
  ...overrides,
});
const ilo = proposal();
const unicef = proposal({ id: 'p-unicef', organisations: ['UNICEF'], start: '2025-06-01', end: '2026-05-31' });

/** Both orders, since the rule must not depend on which proposal comes first. */
const expectCompete = (a: CompetitionSubject, b: CompetitionSubject, expected: boolean) => {
  expect(competes(a, b)).toBe(expected);
  expect(competes(b, a)).toBe(expected);
};

describe('Competing proposals', () => {
  it('finds two organisations asking the same donor for the same country and area over overlapping dates', () => {
    expectCompete(ilo, unicef, true);
    expect(competition(ilo, unicef)).toEqual({
      callId: null,
      donor: 'GERMANY',
      countries: ['KHM'],
      policyAreas: ['FINANCING'],
      guarantees: [],
      overlap: { start: '2025-06-01', end: '2025-12-31' },
    });
  });

  it('finds two answers to the same call', () => {
    const toCall = { callId: 'call-1', donor: null };
    expectCompete(proposal(toCall), proposal({ ...toCall, id: 'p-2', organisations: ['WFP'] }), true);
    expectCompete(
      proposal(toCall),
      proposal({ ...toCall, id: 'p-2', organisations: ['WFP'], callId: 'call-2' }),
      false,
    );
  });

  it('needs the same call or the same donor, both given', () => {
    expectCompete(ilo, { ...unicef, donor: 'SWEDEN' }, false);
    expectCompete({ ...ilo, donor: null, callId: 'call-1' }, { ...unicef, donor: null, callId: null }, false);
    expectCompete({ ...ilo, donor: null, callId: null }, { ...unicef, donor: null, callId: null }, false);
  });

  it('ignores proposals sharing an applicant organisation, joint ones included', () => {
    expectCompete(ilo, { ...unicef, organisations: ['ILO'] }, false);
    expectCompete(ilo, { ...unicef, organisations: ['UNICEF', 'ILO'] }, false);
    expectCompete({ ...ilo, organisations: ['ILO', 'WFP'] }, { ...unicef, organisations: ['UNICEF', 'UNDP'] }, true);
  });

  it('needs a country in common', () => {
    expectCompete(ilo, { ...unicef, countries: ['LAO'] }, false);
    expect(competition({ ...ilo, countries: ['LAO', 'KHM', 'VNM'] }, { ...unicef, countries: ['VNM', 'KHM'] })).toEqual(
      expect.objectContaining({ countries: ['KHM', 'VNM'] }),
    );
  });

  it('needs a policy area or a guarantee in common', () => {
    expectCompete(ilo, { ...unicef, policyAreas: ['LNOB_INCLUSION'] }, false);
    const onChildren = { policyAreas: [], guarantees: ['CHILDREN'] };
    expectCompete({ ...ilo, ...onChildren }, { ...unicef, ...onChildren }, true);
    expectCompete({ ...ilo, ...onChildren }, { ...unicef, policyAreas: [], guarantees: ['OLDER_PERSONS'] }, false);
  });

  it('needs overlapping dates, a shared day being enough', () => {
    expectCompete(ilo, { ...unicef, start: '2026-01-01' }, false);
    expectCompete(ilo, { ...unicef, start: '2025-12-31', end: '2025-12-31' }, true);
    expectCompete(ilo, { ...unicef, start: '2024-01-01', end: '2024-12-31' }, false);
  });

  it('ignores proposals linked to the same joint programme, but not to different ones or just one', () => {
    expectCompete({ ...ilo, jointProgrammeId: 'JP-1' }, { ...unicef, jointProgrammeId: 'JP-1' }, false);
    expectCompete({ ...ilo, jointProgrammeId: 'JP-1' }, { ...unicef, jointProgrammeId: 'JP-2' }, true);
    expectCompete({ ...ilo, jointProgrammeId: 'JP-1' }, unicef, true);
  });

  it('counts submitted, shortlisted and funded proposals only', () => {
    for (const status of ['SHORTLISTED', 'FUNDED']) expectCompete(ilo, { ...unicef, status }, true);
    for (const status of ['DRAFT', 'REJECTED', 'WITHDRAWN']) expectCompete(ilo, { ...unicef, status }, false);
  });

  it('does not find a proposal competing with itself', () => expect(competes(ilo, ilo)).toBe(false));

  it('says why in plain words', () => {
    const found = competition({ ...ilo, guarantees: ['CHILDREN'] }, { ...unicef, guarantees: ['CHILDREN'] })!;
    expect(competitionReasons(ilo, { organisations: ['UNICEF', 'WFP'] }, found)).toEqual([
      'Both ask GERMANY for funding',
      'No applicant in common: ILO / UNICEF, WFP',
      'Both in KHM',
      'Both on FINANCING, CHILDREN',
      'Overlap 2025-06-01 – 2025-12-31',
      'No joint programme in common',
    ]);
    const toCall = { ...found, callId: 'call-1', donor: null };
    expect(competitionReasons(ilo, unicef, toCall, { fundCode: 'JOINT_SDG_FUND', title: 'LNOB 2025' })[0]).toBe(
      'Both ask the JOINT_SDG_FUND call "LNOB 2025"',
    );
    expect(competitionReasons(ilo, unicef, toCall)[0]).toBe('Both ask the call call-1');
  });
});
