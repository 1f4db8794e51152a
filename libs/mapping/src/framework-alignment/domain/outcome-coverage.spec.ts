import { outcomeCoverage, type FrameworkResult } from './outcome-coverage';

const result = (kind: FrameworkResult['kind'], code: string, parentCode: string | null = null): FrameworkResult => ({
  id: `F:${code}`,
  kind,
  code,
  parentCode,
  title: `Result ${code}`,
});

const RESULTS = [
  result('STRATEGIC_PRIORITY', '1'),
  result('OUTCOME', '1.1', '1'),
  result('OUTPUT', '1.1.1', '1.1'),
  result('OUTPUT', '1.1.2', '1.1'),
  result('OUTCOME', '1.2', '1'),
  result('OUTPUT', '1.2.1', '1.2'),
  result('OUTCOME', '1.3', '1'),
];

describe('outcome coverage', () => {
  it('rolls activities of the outputs and programmes of the outcome up to the outcome, by organisation', () => {
    const [first] = outcomeCoverage(
      RESULTS,
      [
        { resultId: 'F:1.1.1', organisation: 'ILO', activities: 2 },
        { resultId: 'F:1.1.2', organisation: 'UNICEF', activities: 1 },
      ],
      [{ resultId: 'F:1.1', jointProgrammeId: 'JP-1', organisations: ['ILO', 'WFP'] }],
    );
    expect(first).toMatchObject({
      code: '1.1',
      priority: { code: '1', title: 'Result 1' },
      activities: 3,
      jointProgrammes: 1,
      withoutActivity: false,
      singleAgency: false,
      organisations: [
        { organisation: 'ILO', activities: 2, jointProgrammes: 1 },
        { organisation: 'UNICEF', activities: 1, jointProgrammes: 0 },
        { organisation: 'WFP', activities: 0, jointProgrammes: 1 },
      ],
    });
    expect(first.outputs.map((o) => [o.code, o.organisations.map((c) => c.organisation)])).toEqual([
      ['1.1.1', ['ILO']],
      ['1.1.2', ['UNICEF']],
    ]);
  });

  it('marks an outcome with one agency only, and one with no activity even when a programme names it', () => {
    const [, second, third] = outcomeCoverage(
      RESULTS,
      [{ resultId: 'F:1.2.1', organisation: 'UNDP', activities: 4 }],
      [{ resultId: 'F:1.3', jointProgrammeId: 'JP-2', organisations: ['UNFPA'] }],
    );
    expect(second).toMatchObject({ code: '1.2', singleAgency: true, withoutActivity: false });
    expect(third).toMatchObject({ code: '1.3', singleAgency: true, withoutActivity: true, outputs: [] });
  });

  it('keeps outcomes with nothing linked, in the framework order', () => {
    const outcomes = outcomeCoverage(RESULTS, [], []);
    expect(outcomes.map((o) => [o.code, o.withoutActivity, o.singleAgency, o.organisations.length])).toEqual([
      ['1.1', true, false, 0],
      ['1.2', true, false, 0],
      ['1.3', true, false, 0],
    ]);
  });
});
