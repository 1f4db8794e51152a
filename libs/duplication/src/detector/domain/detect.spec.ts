import type { ActivityProfile } from './activity-profile';
import { detectDuplication } from './detect';

const anActivity = (overrides: Partial<ActivityProfile>): ActivityProfile => ({
  id: 'A-1',
  titles: ['Basic needs cash transfers for refugee households in Amman governorate'],
  descriptions: ['Monthly multipurpose cash assistance to registered refugee households'],
  organisation: 'UNHCR',
  partners: [],
  country: 'JOR',
  areas: ['Amman'],
  policyAreas: ['LNOB_INCLUSION'],
  guarantees: ['WORKING_AGE', 'CHILDREN'],
  functions: ['CASH_TRANSFER'],
  targetGroups: ['REFUGEES_MIGRANTS'],
  counterparts: ['Ministry of Social Development'],
  start: '2016-08-01',
  end: '2018-02-01',
  budget: { currency: 'USD', amount: '758000.00' },
  jointProgramme: null,
  ...overrides,
});

/** Unrelated work elsewhere and at other times, so that words weigh by rarity as in real data. */
const background: ActivityProfile[] = Array.from({ length: 30 }, (_, i) =>
  anActivity({
    id: `B-${i}`,
    country: 'KEN',
    start: `${2000 + i}-01-01`,
    end: `${2000 + i}-06-30`,
    titles: [`Labour market study ${i}`],
    descriptions: ['Research on employment services'],
    organisation: 'ILO',
    areas: [],
    functions: ['RESEARCH'],
    targetGroups: ['UNEMPLOYED'],
    guarantees: ['WORKING_AGE'],
    budget: null,
  }),
);

const flagged = (profiles: ActivityProfile[]) =>
  detectDuplication([...profiles, ...background]).pairs.map(({ a, b, kind }) => ({ a, b, kind }));

describe('Detecting duplication', () => {
  it('flags one activity reported twice, in English and in French, as a duplicate record', () =>
    expect(
      flagged([
        anActivity({ id: 'A-1' }),
        anActivity({
          id: 'A-2',
          titles: ['Transferts monétaires pour les besoins de base des ménages réfugiés à Amman'],
          descriptions: [],
          start: '2016-08-10',
        }),
      ]),
    ).toEqual([{ a: 'A-1', b: 'A-2', kind: 'DUPLICATE_RECORD' }]));

  it('flags two agencies paying cash to the same refugees in the same place at the same time', () =>
    expect(
      flagged([
        anActivity({ id: 'A-1' }),
        anActivity({
          id: 'A-2',
          organisation: 'WFP',
          titles: ['Cash assistance to refugee families in Amman'],
          start: '2016-11-01',
          end: '2017-12-31',
          budget: { currency: 'USD', amount: '1200000.00' },
        }),
      ]),
    ).toEqual([{ a: 'A-1', b: 'A-2', kind: 'OVERLAPPING_EFFORT' }]));

  it('leaves the same programme in another place, another country, another time or one joint programme alone', () => {
    const wfp = { organisation: 'WFP', titles: ['Cash assistance to refugee families'], budget: null };
    expect(flagged([anActivity({ id: 'A-1' }), anActivity({ id: 'A-2', ...wfp, areas: ['Irbid'] })])).toEqual([]);
    expect(flagged([anActivity({ id: 'A-1' }), anActivity({ id: 'A-2', ...wfp, country: 'LBN' })])).toEqual([]);
    expect(
      flagged([anActivity({ id: 'A-1' }), anActivity({ id: 'A-2', ...wfp, start: '2019-01-01', end: '2020-12-31' })]),
    ).toEqual([]);
    expect(
      flagged([
        anActivity({ id: 'A-1', jointProgramme: 'JP-JOR' }),
        anActivity({ id: 'A-2', ...wfp, jointProgramme: 'JP-JOR' }),
      ]),
    ).toEqual([]);
  });

  it('finds an activity recorded again without any code (as from IATI) among the coded ones', () =>
    expect(
      flagged([
        anActivity({ id: 'A-1' }),
        anActivity({
          id: 'A-2',
          functions: [],
          guarantees: [],
          policyAreas: [],
          targetGroups: [],
          start: '2016-08-05',
        }),
      ]),
    ).toEqual([{ a: 'A-1', b: 'A-2', kind: 'DUPLICATE_RECORD' }]));

  it('takes the two agencies as complementary once a body in their country divided the labour between them', () => {
    const pair = [anActivity({ id: 'A-1' }), anActivity({ id: 'A-2', organisation: 'WFP', start: '2016-11-01' })];
    const detect = (country: string) =>
      detectDuplication([...pair, ...background], undefined, [{ country, organisations: ['UNHCR', 'WFP'] }]).pairs;
    expect(detect('LBN')).toEqual([expect.objectContaining({ kind: 'OVERLAPPING_EFFORT' })]);
    expect(detect('JOR')).toEqual([]);
  });

  it('compares only activities that share a country, a code and time, not every pair', () => {
    const { candidatesExamined } = detectDuplication([
      anActivity({ id: 'A-1' }),
      anActivity({ id: 'A-2', country: 'LBN' }),
      anActivity({ id: 'A-3', start: '2020-01-01', end: '2020-12-31' }),
      anActivity({ id: 'A-4', functions: ['RESEARCH'], guarantees: ['OLDER_PERSONS'], policyAreas: ['FINANCING'] }),
    ]);
    expect(candidatesExamined).toBe(0);
  });
});
