import type { DataSource } from 'typeorm';
import { DEMO_FILES, readDemoOrganisations, readDemoTable } from './demo-data';
import { loadDemo, type DemoSummary, type TableSummary } from './demo-loader';
import { OrganisationNames } from './organisation-names';
import { InMemoryRunner } from './testing/in-memory-runner';

/** The whole demo through the real deciders, without a database. */
async function load(runner: InMemoryRunner): Promise<DemoSummary> {
  const dataSource = { query: async () => [{ n: 0 }] } as unknown as DataSource;
  return loadDemo({ commands: runner.asRunner(), dataSource });
}

const table = (summary: DemoSummary, name: string): TableSummary => summary.tables.find((t) => t.name === name)!;
/** The fields the assertions read, of the events they look at. */
interface Fields {
  code?: string;
  country?: string;
  name?: string;
  countries?: string[];
  startDate?: string;
  leadOrganisation?: string;
  organisation?: string;
  partners?: unknown[];
  descriptions?: { en?: string };
}
const data = (runner: InMemoryRunner, type: string, match: (d: Fields) => boolean): Fields =>
  runner.eventsOf(type).find((e) => match(e.data as Fields))?.data as Fields;

describe('the demo, loaded through the real deciders', () => {
  let runner: InMemoryRunner;
  let first: DemoSummary;
  beforeAll(async () => {
    runner = new InMemoryRunner();
    first = await load(runner);
  });

  it('loads every table with nothing refused, and skips only what names no country or region', () => {
    const counts = (t: TableSummary) => [t.name, t.created, t.alreadyThere, t.skipped.length, t.refused.length];
    expect(first.tables.map(counts)).toEqual([
      ['organisations', 60, 0, 0, 0],
      // Thailand's Social Security Office is placed in Thailand by organisations.csv already.
      ['Flagship partners', 11, 1, 6, 0],
      ['joint programmes', 37, 0, 1, 0],
      ['coordination bodies', 21, 0, 1, 0],
      ['regional coalitions', 8, 0, 0, 0],
      ['ABND assessments', 17, 0, 0, 0],
      // The fund, its first call, 114 proposals, the call's closing and an allocation to a programme.
      ['Joint SDG Fund', 118, 0, 0, 0],
      ['Flagship phase 2 funding', 3, 0, 0, 0],
      ['competing proposals', 2, 0, 0, 0],
      // Document 004's cases D1, P1, P3 and the Malawi consultations, two activities each.
      ['duplication cases', 4, 0, 0, 0],
      // Cambodia's framework, and JP-KHM through to its 2022 progress report.
      ['joint programme report', 2, 0, 0, 0],
    ]);
    expect(table(first, 'joint programmes').skipped).toEqual([
      { record: 'OTH-DISABILITY', text: '"Global" names no country' },
    ]);
    expect(table(first, 'coordination bodies').skipped[0].text).toMatch(/"EAC; CIPRES; SADC; ECOWAS" .* no country/);
  });

  it('drafts the Cambodia joint programme with its agencies, lead, counterpart and fund', () => {
    expect(data(runner, 'JointProgrammeDrafted', (d) => d.code === 'JP-KHM')).toMatchObject({
      countries: ['KHM'],
      leadOrganisation: 'ILO',
      participants: [
        { organisation: 'ILO', role: 'LEAD' },
        { organisation: 'UNICEF', role: 'PARTICIPATING' },
        { organisation: 'WHO', role: 'PARTICIPATING' },
      ],
      counterparts: ['General Secretariat of the National Social Protection Council'],
      fundingSources: ['Joint SDG Fund'],
    });
  });

  it('reads periods, multi-country scopes and co-leads as the rows give them', () => {
    const jp = (code: string) => data(runner, 'JointProgrammeDrafted', (d) => d.code === code);
    expect(jp('JP-VNM')).toMatchObject({ startDate: '2019-01-01', endDate: '2022-12-31' });
    expect(jp('JP-PHL-BARMM-2')).toMatchObject({ startDate: '2021-06-01', endDate: '2022-11-30' });
    expect(jp('OTH-MOZ').startDate).toBeUndefined(); // "since 2011" has no end
    expect(jp('OTH-GLOBAL-CARE').countries).toEqual(['ARG', 'EGY', 'ETH', 'JOR', 'LBN', 'MAR', 'NPL', 'PSE']);
    expect(jp('OTH-GLOBAL-CARE').leadOrganisation).toBeUndefined(); // co-led by ILO and UN Women
    expect(jp('JP-EC-LCA').countries).toEqual(['LCA']);
    expect(table(first, 'joint programmes').inferred).toContainEqual({
      record: 'JP-MEX',
      text: 'Joint SDG Fund funding: inferred (Box 12 context)',
    });
  });

  it('admits the members a mechanism has, and not one that is only "likely to join"', () => {
    const zambia = [...runner.streams.values()].find(
      (s) => (s.events[0]?.data as Fields | undefined)?.name === 'UN Joint Programme',
    )!;
    expect(
      zambia.events.filter((e) => e.type === 'BodyMemberAdmitted').map((e) => (e.data as Fields).organisation),
    ).toEqual(['ILO', 'UNICEF', 'IOM', 'WFP']);
    expect(table(first, 'coordination bodies').leftOut).toContainEqual({
      record: 'ZMB: UN Joint Programme',
      text: '"FAO likely to join soon"',
    });
  });

  it('registers the ABNDs as closed assessments, inferences written into the description', () => {
    const togo = data(runner, 'ActivityRegistered', (d) => d.country === 'TGO');
    expect(togo).toMatchObject({ organisation: 'ILO', functions: ['ASSESSMENT'], status: 'CLOSED', source: 'CSV' });
    expect(togo.partners).toHaveLength(11);
    const egypt = data(runner, 'ActivityRegistered', (d) => d.country === 'EGY');
    expect(egypt.descriptions?.en).toMatch(/Inferred: lead ILO: the annex names no agency/);
  });

  it('gives each Flagship partner the IATI type its partner_type_inferred says', () => {
    const types: Record<string, string> = {
      'development partner (government)': '10',
      'programme country institution': '10',
      IFI: '40',
      'development partner (EU)': '40',
      'UN pooled-fund administrator': '40',
      'UN agencies': '40',
      'UN agencies (joint)': '40',
      'development partner (foundation)': '60',
    };
    const organisations = readDemoOrganisations();
    const names = new OrganisationNames(organisations);
    for (const { fields } of readDemoTable(DEMO_FILES.partners, ['partner', 'partner_type_inferred'])) {
      for (const code of names.resolve(fields.partner).codes) {
        expect([fields.partner, organisations.find((o) => o.code === code)!.type]).toEqual([
          fields.partner,
          types[fields.partner_type_inferred],
        ]);
      }
    }
  });

  it("carries JP-KHM through to its 2022 progress report, spending its agencies' shares of the Fund's award", () => {
    const events = (type: string) => runner.eventsOf(type).map((e) => e.data as Record<string, unknown>);
    const [report] = events('JointProgrammeProgressReported');
    expect(events('JointProgrammeProgressReported')).toHaveLength(1);
    expect(report).toMatchObject({
      period: '2022',
      indicatorActuals: [{ indicatorCode: 'KHM-SP-4', actual: '560000' }],
    });
    expect((report.narratives as { organisation: string }[]).map((n) => n.organisation)).toEqual([
      'ILO',
      'UNICEF',
      'WHO',
    ]);
    const award = events('TransactionRecorded').find(
      (t) => t.type === 'INCOMING_COMMITMENT' && t.reference === 'JOINT_SDG_FUND 1st call',
    )!.amount as string;
    const budgets = events('ActivityBudgetRecorded');
    expect(budgets.map((b) => b.year)).toEqual([2022, 2022, 2022]);
    // A third of the award, shared 40 / 35 / 25, in whole dollars.
    const thirds = budgets.map((b) => Number(b.available));
    expect(Math.abs(thirds.reduce((a, b) => a + b, 0) - Number(award) / 3)).toBeLessThan(3);
    expect(thirds[0] / thirds[2]).toBeCloseTo(40 / 25, 2);
    // What each agency reports spent is what its activity's budget line says it spent.
    expect(report.expenditure).toEqual(
      budgets.map((b, i) => ({ organisation: ['ILO', 'UNICEF', 'WHO'][i], currency: 'USD', amount: b.spent })),
    );
    expect(runner.eventsOf('JointProgrammeOperationallyClosed')).toHaveLength(1);
    expect(runner.eventsOf('CooperationFrameworkClosed')).toHaveLength(1);
  });

  it('appends nothing when loaded again', async () => {
    const again = await load(runner);
    expect(again.events).toBe(0);
    expect(again.tables.map((t) => t.created)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(again.tables.every((t) => t.refused.length === 0)).toBe(true);
  });
});
