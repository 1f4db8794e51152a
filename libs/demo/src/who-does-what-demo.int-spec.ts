import type { TestApp } from '@concord/test-support';
import { startDemoApp } from './testing/demo-app';

const MATRIX = `query ($scope: MappingScopeInput) { whoDoesWhat(scope: $scope) {
  activities organisations
  actorMatrix { organisations unplaced { organisation } actors { organisation occurrences }
    rows { guarantee organisations stages { stage actors { organisation } } } } } }`;

interface Answer {
  activities: number;
  organisations: string[];
  actorMatrix: {
    organisations: number;
    unplaced: { organisation: string }[];
    actors: { organisation: string; occurrences: number }[];
    rows: {
      guarantee: string;
      organisations: number;
      stages: { stage: string; actors: { organisation: string }[] }[];
    }[];
  };
}

/**
 * Who does what in the demo's countries, as a coordinator would ask it anonymously (the demo's
 * sources are public reports): the agencies the documents name in Cambodia and Malawi are there.
 */
describe('who does what in the demo (real Postgres, embedded mode)', () => {
  let app: TestApp;
  const ask = async (country: string): Promise<Answer> => {
    const { data, errors } = await app.gql<{ whoDoesWhat: Answer }>(MATRIX, { scope: { country } });
    expect(errors).toBeUndefined();
    return data!.whoDoesWhat;
  };

  beforeAll(async () => {
    // Every consumer, the detector among them, has handled every event of the load.
    app = await startDemoApp();
  }, 240_000);
  afterAll(() => app?.close());

  const row = (answer: Answer, guarantee: string) => answer.actorMatrix.rows.find((r) => r.guarantee === guarantee)!;
  const cell = (answer: Answer, guarantee: string, stage: string) =>
    row(answer, guarantee)
      .stages.find((s) => s.stage === stage)!
      .actors.map((a) => a.organisation)
      .sort();

  it("Cambodia: the joint programme's ILO, UNICEF and WHO and the ABND's GIZ in the matrix, UNDP in scope", async () => {
    const khm = await ask('KHM');
    expect(khm.organisations).toEqual(['GIZ', 'ILO', 'UNDP', 'UNICEF', 'WHO']);
    expect(khm.actorMatrix.actors.map((a) => a.organisation).sort()).toEqual(['GIZ', 'ILO', 'UNICEF', 'WHO']);
    expect(khm.actorMatrix.organisations).toBe(4);
    // The ABND assessed the whole floor with GIZ, the ILO and UNICEF (doc 000 Annex 4).
    expect(cell(khm, 'OLDER_PERSONS', 'POLICY_MAKING')).toEqual(['GIZ', 'ILO', 'UNICEF']);
    // UNDP's COVID-19 cash transfer (with UNICEF) names no guarantee: in scope, not placed.
    expect(khm.actorMatrix.unplaced.map((a) => a.organisation)).toContain('UNDP');
  });

  it('Malawi: UNICEF, WFP and the ILO of the joint programme, on old-age pensions among others', async () => {
    const mwi = await ask('MWI');
    expect(mwi.organisations).toEqual(['ILO', 'UNICEF', 'WFP']);
    expect(mwi.actorMatrix.actors.map((a) => a.organisation).sort()).toEqual(['ILO', 'UNICEF', 'WFP']);
    expect(cell(mwi, 'OLDER_PERSONS', 'SCHEME_DESIGN')).toEqual(['ILO', 'UNICEF', 'WFP']);
    expect(row(mwi, 'OLDER_PERSONS').organisations).toBe(3);
  });
});
