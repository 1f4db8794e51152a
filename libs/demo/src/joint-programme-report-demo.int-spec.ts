import { renderPdf, type TestApp } from '@concord/test-support';
import { startDemoApp } from './testing/demo-app';

const REPORT = `query ($id: ID!, $period: String!) { jointProgrammeReport(id: $id, period: $period) {
  programme { code status startDate endDate leadOrganisationName }
  budget { organisation budgetShare currency available expenditure delivery }
  fundingAmountsShown funding { source committed received }
  indicators { result code target actual progress }
  narratives { organisation } sdgTargets { target } markers { marker level setOn } } }`;

interface Report {
  programme: Record<string, string>;
  budget: Record<string, string>[];
  fundingAmountsShown: boolean;
  funding: Record<string, string | null>[];
  indicators: Record<string, string | null>[];
  narratives: { organisation: string }[];
  sdgTargets: { target: string }[];
  markers: Record<string, unknown>[];
}

/**
 * The done-when of issue 5's JP progress report, tried as a new user would on the demo: the
 * Cambodia programme's 2022 report, asked for anonymously over GraphQL and downloaded as a PDF
 * that renders.
 */
describe('the demo joint programme progress report (real Postgres, embedded mode)', () => {
  let app: TestApp;
  const ask = async (token?: string) => {
    const { data, errors } = await app.gql<{ jointProgrammeReport: Report }>(
      REPORT,
      { id: 'JP-KHM', period: '2022' },
      token,
    );
    expect(errors).toBeUndefined();
    return data!.jointProgrammeReport;
  };

  beforeAll(async () => {
    app = await startDemoApp();
  }, 240_000);
  afterAll(() => app?.close());

  it("reports JP-KHM's 2022 figures: the agencies' budgets and expenditure, the COVID-19 cash transfer's reach", async () => {
    const report = await ask();
    expect(report.programme).toEqual({
      code: 'JP-KHM',
      status: 'OPERATIONALLY_CLOSED',
      startDate: '2020-01-01',
      endDate: '2022-12-31',
      leadOrganisationName: 'International Labour Organization',
    });
    expect(report.budget.map((b) => [b.organisation, b.budgetShare, b.currency, b.delivery])).toEqual([
      ['ILO', '40', 'USD', '92'],
      ['UNICEF', '35', 'USD', '88'],
      ['WHO', '25', 'USD', '81'],
    ]);
    expect(report.indicators).toContainEqual({
      result: 'KHM-UNDAF-2019-2023 1.1.3',
      code: 'KHM-SP-4',
      target: '560000',
      actual: '560000',
      progress: '100',
    });
    expect(report.indicators.find((i) => i.code === 'KHM-SP-1')).toMatchObject({ target: '1500000', actual: null });
    expect(report.narratives.map((n) => n.organisation)).toEqual(['ILO', 'UNICEF', 'WHO']);
    expect(report.sdgTargets.map((s) => s.target)).toEqual(['1.3', '3.8']);
    expect(report.markers).toEqual([{ marker: 'GENDER_EQUALITY', level: 1, setOn: 'programme' }]);
    // Anonymous: the Joint SDG Fund as the declared source, without the amounts (contributions need sign-in).
    expect(report.fundingAmountsShown).toBe(false);
    expect(report.funding).toEqual([{ source: 'Joint SDG Fund', committed: null, received: null }]);
  });

  it("shows a signed-in user the Fund's allocation, committed and received by the end of 2022", async () => {
    const report = await ask(await app.token({ sub: 'viewer', roles: ['viewer'] }));
    expect(report.funding).toHaveLength(1);
    const [allocation] = report.funding;
    expect(allocation.source).toBe('JOINT_SDG_FUND');
    expect(allocation.committed).toMatch(/^\d{7}\.00$/);
    expect(allocation.received).toBe(allocation.committed);
  });

  it('downloads the report as a PDF that renders: the title in ink, the agencies, the figures', async () => {
    const response = await fetch(`${app.url}/exports/joint-programmes/JP-KHM/report.pdf?period=2022`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="JP-KHM-report-2022.pdf"');
    const rendered = await renderPdf(new Uint8Array(await response.arrayBuffer()), {
      band: [50, 50, 545, 95],
      png: '/tmp/jp-khm-report-2022-page-1.png',
    });
    expect(rendered.pages.length).toBeGreaterThanOrEqual(2);
    rendered.pages.forEach((page) => expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]));
    expect(rendered.firstPage.bandDarkShare).toBeGreaterThan(0.05);
    const [first] = rendered.pages;
    expect(first.text).toContain('Joint programme in Cambodia');
    expect(first.text).toContain('Progress report 2022');
    expect(first.text).toContain('International Labour Organization');
    expect(first.text).toMatch(/United Nations\s+Children's Fund/);
    expect(first.text).toContain(`Page 1 of ${rendered.pages.length}`);
    const all = rendered.pages.map((p) => p.text).join('\n');
    expect(all).toMatch(/KHM-SP-4\s+Households with IDPoor/);
    expect(all).toContain('560,000');
    expect(all).toContain('approximately 1.5 million people');
  });
});
