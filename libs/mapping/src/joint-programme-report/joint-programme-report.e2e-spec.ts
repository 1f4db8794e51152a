import { directoryContext } from '@concord/directory';
import { fundingContext } from '@concord/funding';
import { programmingContext } from '@concord/programming';
import { renderPdf, startTestApp, type TestApp } from '@concord/test-support';
import { mappingContext } from '../mapping.context';
import { mutationSender, projected } from '../testing/graphql-steps';

const REPORT = `query ($id: ID!, $period: String!) { jointProgrammeReport(id: $id, period: $period) {
  programme { id code title countries status startDate endDate leadOrganisation leadOrganisationName counterparts fundingSources }
  period { code year start end } revision reportedAt revisedAt
  budget { organisation organisationName role budgetShare currency required available expenditure delivery }
  budgetTotals { currency required available expenditure delivery }
  fundingAmountsShown funding { source sourceName declared currency committed received }
  indicators { result resultTitle code name unit baseline target actual progress }
  narratives { organisation organisationName text }
  sdgTargets { target title namedBy }
  markers { marker level meaning setOn } } }`;

type Report = Record<string, unknown> & {
  budget: Record<string, unknown>[];
  funding: Record<string, unknown>[];
  indicators: Record<string, unknown>[];
  narratives: Record<string, unknown>[];
  sdgTargets: { target: string; title: string; namedBy: string[] }[];
  markers: Record<string, unknown>[];
};

/**
 * A Cambodian programme (ILO, UNICEF, WHO) linked to an active framework's outcome and output and
 * to a draft framework's outcome, with linked activities (one unpublished), German money and a
 * 2021 report; and an unpublished programme. Read over GraphQL and downloaded over HTTP, signed in
 * and anonymously.
 */
describe('Joint programme progress report over GraphQL and HTTP (embedded mode)', () => {
  let app: TestApp;
  let admin: string;
  let viewer: string;
  let jpId: string;
  let send: ReturnType<typeof mutationSender>;

  const ask = (variables: Record<string, unknown>, token?: string) =>
    app.gql<{ jointProgrammeReport: Report }>(REPORT, variables, token);
  const report = async (variables: Record<string, unknown>, token?: string) => {
    const { data, errors } = await ask(variables, token);
    expect(errors).toBeUndefined();
    return data!.jointProgrammeReport;
  };
  const refusal = async (variables: Record<string, unknown>, token?: string) => {
    const { data, errors } = await ask(variables, token);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    return errors![0];
  };
  /** The body of a refused download. */
  type Refused = { error: { code: string; reason: string; message: string } };
  const refusedBy = async (response: Response) => ((await response.json()) as Refused).error;
  const download = (path: string, token?: string) =>
    fetch(`${app.url}/exports/joint-programmes/${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    app = await startTestApp([directoryContext, programmingContext, fundingContext, mappingContext]);
    admin = await app.token({ sub: 'admin', roles: ['platform-admin'] });
    viewer = await app.token({ sub: 'viewer', roles: ['viewer'] });
    send = mutationSender(app, admin);
    for (const [code, name, type] of [
      ['ILO', 'International Labour Organization', '40'],
      ['UNICEF', "United Nations Children's Fund", '40'],
      ['WHO', 'World Health Organization', '40'],
      ['GERMANY', 'Germany', '10'],
    ])
      await send('registerOrganisation', { code, name, type });

    const framework = await send('createCooperationFramework', {
      code: 'KHM-F',
      title: 'Cooperation Framework Cambodia',
      countries: ['KHM'],
      startDate: '2019-01-01',
      endDate: '2023-12-31',
    });
    await send('addStrategicPriority', { id: framework, code: 'SP1', title: 'People', sdgTargets: ['1.3'] });
    await send('addOutcome', {
      id: framework,
      priorityCode: 'SP1',
      code: '1.1',
      title: 'People are covered by social protection',
      sdgTargets: ['1.3'],
    });
    await send('addOutput', { id: framework, outcomeCode: '1.1', code: '1.1.1', title: 'Pension schemes' });
    const indicator = (
      resultCode: string,
      code: string,
      name: string,
      unit: string,
      baseline: string,
      target: string,
    ) => send('defineIndicator', { id: framework, resultCode, indicator: { code, name, unit, baseline, target } });
    await indicator('1.1', 'KHM-1', 'Households reached by cash transfers', 'households', '0', '560000');
    await indicator('1.1.1', 'KHM-2', 'People covered by pensions', 'people', '100000', '1500000');
    await send('activateCooperationFramework', { id: framework });
    // A framework still in draft: anonymous callers do not see its results or indicators.
    const draft = await send('createCooperationFramework', {
      code: 'KHM-D',
      title: 'Next framework (draft)',
      countries: ['KHM'],
      startDate: '2024-01-01',
      endDate: '2028-12-31',
    });
    await send('addStrategicPriority', { id: draft, code: 'SP9', title: 'Later' });
    await send('addOutcome', {
      id: draft,
      priorityCode: 'SP9',
      code: '9.1',
      title: 'Draft outcome',
      sdgTargets: ['5.4'],
    });
    await send('defineIndicator', {
      id: draft,
      resultCode: '9.1',
      indicator: { code: 'D-1', name: 'Draft indicator', unit: '%', baseline: '10', target: '20' },
    });

    const programme = {
      countries: ['KHM'],
      participants: [
        { organisation: 'ILO', role: 'LEAD', budgetShare: '50' },
        { organisation: 'UNICEF', role: 'PARTICIPATING', budgetShare: '30' },
        { organisation: 'WHO', role: 'PARTICIPATING', budgetShare: '20' },
      ],
      counterparts: ['General Secretariat of the National Social Protection Council'],
      fundingSources: ['Germany', 'EU'],
      startDate: '2020-01-01',
      endDate: '2022-12-31',
      sdgTargets: ['3.8'],
      genderMarker: 2,
    };
    jpId = await send('draftJointProgramme', { code: 'JP-T', title: 'Social protection in Cambodia', ...programme });
    const hidden = await send('draftJointProgramme', { code: 'JP-U', title: 'Not yet public', ...programme });
    await projected(app, ['directory', 'programming']);
    await send('linkFrameworkResults', {
      id: jpId,
      resultIds: [`${framework}:1.1`, `${framework}:1.1.1`, `${draft}:9.1`],
    });
    for (const id of [jpId, hidden]) {
      for (const step of ['submitJointProgramme', 'approveJointProgramme', 'activateJointProgramme'])
        await send(step, { id });
    }
    await send('publishJointProgramme', { id: jpId });

    const activity = (id: string, organisation: string, extra: Record<string, unknown>) =>
      send('registerActivity', {
        id,
        titles: { en: `${organisation}'s part` },
        organisation,
        country: 'KHM',
        functions: ['POLICY_ADVICE'],
        start: '2020-01-01',
        end: '2022-12-31',
        status: 'IMPLEMENTATION',
        jointProgrammeId: jpId,
        ...extra,
      });
    await activity('A-ILO', 'ILO', {
      humanRightsMarker: 2,
      budget: [
        { year: 2021, currency: 'USD', required: '600000', available: '500000', spent: '0' },
        { year: 2022, currency: 'USD', required: '1', available: '1', spent: '0' },
      ],
    });
    await activity('A-UNICEF', 'UNICEF', {
      budget: [{ year: 2021, currency: 'USD', required: '400000', available: '400000', spent: '0' }],
    });
    await send('publishActivity', { id: 'A-ILO' }); // UNICEF's stays unpublished

    const narratives = [
      { organisation: 'UNICEF', text: 'Family package <b>designed</b> & costed.' },
      { organisation: 'ILO', text: 'Pension schemes rolled out.' },
    ];
    for (const id of [jpId, hidden]) {
      await send('recordProgressReport', {
        id,
        period: '2021',
        indicatorActuals: [
          { indicatorCode: 'KHM-1', actual: '280000' },
          { indicatorCode: 'KHM-2', actual: '450000' },
          { indicatorCode: 'D-1', actual: '15' },
        ],
        expenditure: [
          { organisation: 'ILO', currency: 'USD', amount: '250000' },
          { organisation: 'UNICEF', currency: 'USD', amount: '150000' },
        ],
        narratives,
      });
    }
    await send('recordProgressReport', {
      id: jpId,
      period: '2022-H1',
      expenditure: [{ organisation: 'ILO', currency: 'USD', amount: '0.25' }],
    });
    await projected(app, ['directory', 'programming']);
    const money = await send('recordContribution', {
      title: 'Germany to JP-T',
      donor: 'GERMANY',
      recipientKind: 'JOINT_PROGRAMME',
      recipientRef: jpId,
      currency: 'USD',
      earmarking: 'PROJECT_SPECIFIC',
    });
    for (const [type, amount, valueDate] of [
      ['INCOMING_COMMITMENT', '1000000', '2021-03-01'],
      ['INCOMING_FUNDS', '600000', '2021-06-01'],
      ['INCOMING_FUNDS', '400000', '2022-02-01'], // after the period: not in the 2021 report
    ])
      await send('recordTransaction', { contributionId: money, type, amount, valueDate });
    await projected(app, ['directory', 'programming', 'funding']);
  }, 120_000);
  afterAll(() => app.close());

  it('gives a signed-in caller the whole report: budget against expenditure, money, indicators, narratives, targets, markers', async () => {
    const r = await report({ id: jpId, period: '2021' }, viewer);
    expect(r.programme).toMatchObject({
      code: 'JP-T',
      leadOrganisation: 'ILO',
      leadOrganisationName: 'International Labour Organization',
      status: 'ACTIVE',
    });
    expect(r.period).toEqual({ code: '2021', year: 2021, start: '2021-01-01', end: '2021-12-31' });
    expect(r.revision).toBe(1);
    expect(r.budget).toEqual([
      {
        organisation: 'ILO',
        organisationName: 'International Labour Organization',
        role: 'LEAD',
        budgetShare: '50',
        currency: 'USD',
        required: '600000',
        available: '500000',
        expenditure: '250000',
        delivery: '50',
      },
      {
        organisation: 'UNICEF',
        organisationName: "United Nations Children's Fund",
        role: 'PARTICIPATING',
        budgetShare: '30',
        currency: 'USD',
        required: '400000',
        available: '400000',
        expenditure: '150000',
        delivery: '37.5',
      },
      expect.objectContaining({ organisation: 'WHO', budgetShare: '20', currency: null, expenditure: null }),
    ]);
    expect(r.budgetTotals).toEqual([
      { currency: 'USD', required: '1000000', available: '900000', expenditure: '400000', delivery: '44.4' },
    ]);
    expect(r.fundingAmountsShown).toBe(true);
    expect(r.funding).toEqual([
      {
        source: 'GERMANY',
        sourceName: 'Germany',
        declared: true,
        currency: 'USD',
        committed: '1000000.00',
        received: '600000.00',
      },
      { source: 'EU', sourceName: 'EU', declared: true, currency: null, committed: null, received: null },
    ]);
    // By framework, then in the framework's own order.
    expect(r.indicators.map((i) => [i.result, i.code, i.baseline, i.target, i.actual, i.progress])).toEqual([
      ['KHM-D 9.1', 'D-1', '10', '20', '15', '50'],
      ['KHM-F 1.1', 'KHM-1', '0', '560000', '280000', '50'],
      ['KHM-F 1.1.1', 'KHM-2', '100000', '1500000', '450000', '25'],
    ]);
    expect(r.narratives.map((n) => n.organisation)).toEqual(['ILO', 'UNICEF']);
    expect(r.sdgTargets.map((s) => [s.target, s.namedBy])).toEqual([
      ['1.3', ['KHM-F 1.1']],
      ['3.8', ['programme']],
      ['5.4', ['KHM-D 9.1']],
    ]);
    expect(r.markers).toEqual([
      {
        marker: 'GENDER_EQUALITY',
        level: 2,
        meaning: 'gender equality is a significant objective',
        setOn: 'programme',
      },
      {
        marker: 'HUMAN_RIGHTS',
        level: 2,
        meaning: 'human rights are a significant objective',
        setOn: "activity A-ILO: ILO's part (ILO)",
      },
    ]);
  });

  it("accepts the programme's code for its id; a half year is set against its year's budget lines", async () => {
    const half = await report({ id: 'JP-T', period: '2022-H1' }, viewer);
    expect(half.programme).toMatchObject({ id: jpId });
    expect(half.period).toEqual({ code: '2022-H1', year: 2022, start: '2022-01-01', end: '2022-06-30' });
    expect(half.budget[0]).toMatchObject({
      organisation: 'ILO',
      required: '1',
      available: '1',
      expenditure: '0.25',
      delivery: '25',
    });
    expect(half.narratives).toEqual([]);
    // The German money by the end of June 2022: all of it received.
    expect(half.funding[0]).toMatchObject({ committed: '1000000.00', received: '1000000.00' });
  });

  it('shows anonymous callers what is published: no contribution amounts, no unpublished budget, no draft framework', async () => {
    const r = await report({ id: jpId, period: '2021' });
    expect(r.fundingAmountsShown).toBe(false);
    expect(r.funding).toEqual([
      { source: 'Germany', sourceName: 'Germany', declared: true, currency: null, committed: null, received: null },
      { source: 'EU', sourceName: 'EU', declared: true, currency: null, committed: null, received: null },
    ]);
    // UNICEF's activity is unpublished: its expenditure stays (the report is public), its budget does not.
    expect(r.budget[1]).toMatchObject({
      organisation: 'UNICEF',
      required: null,
      available: null,
      expenditure: '150000',
    });
    expect(r.indicators.map((i) => [i.result, i.code, i.actual])).toEqual([
      ['KHM-F 1.1', 'KHM-1', '280000'],
      ['KHM-F 1.1.1', 'KHM-2', '450000'],
      [null, 'D-1', '15'],
    ]);
    expect(r.sdgTargets.map((s) => s.target)).toEqual(['1.3', '3.8']);
  });

  it('hides an unpublished programme from anonymous callers as if it did not exist, and shows it to a signed-in one', async () => {
    const anonymous = await refusal({ id: 'JP-U', period: '2021' });
    expect(anonymous.message).toBe('No joint programme JP-U');
    expect(anonymous.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'JOINT_PROGRAMME_NOT_FOUND' });
    expect((await report({ id: 'JP-U', period: '2021' }, viewer)).programme).toMatchObject({ code: 'JP-U' });
  });

  it('refuses an unknown programme, a period not reported and a malformed period, each naming what was asked', async () => {
    const unknown = await refusal({ id: 'JP-NONE', period: '2021' }, viewer);
    expect(unknown.message).toBe('No joint programme JP-NONE');
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'JOINT_PROGRAMME_NOT_FOUND' });
    const notReported = await refusal({ id: jpId, period: '2022' }, viewer);
    expect(notReported.message).toBe('No progress report of JP-T for 2022 (reported periods: 2021, 2022-H1)');
    expect(notReported.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'REPORT_NOT_FOUND' });
    const malformed = await refusal({ id: jpId, period: '2021-Q5' }, viewer);
    expect(malformed.message).toBe(
      `period "2021-Q5" must be a year or half/quarter of one: '2024', '2024-H1', '2024-Q3'`,
    );
    expect(malformed.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PERIOD',
      fields: [{ path: 'period', value: '2021-Q5' }],
    });
  });

  it('downloads Markdown and HTML with the figures, every text escaped', async () => {
    const md = await download('JP-T/report.md?period=2021', viewer);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="JP-T-report-2021.md"');
    const markdown = await md.text();
    expect(markdown.split('\n')[0]).toBe('# Social protection in Cambodia: progress report 2021');
    expect(markdown).toContain(
      "| United Nations Children's Fund | UNICEF | PARTICIPATING | 30.0 % | USD | 400,000.00 | 400,000.00 | 150,000.00 | 37.5 % |",
    );
    expect(markdown).toContain('| Germany | GERMANY | yes | USD | 1,000,000.00 | 600,000.00 |');
    expect(markdown).toContain('Family package \\<b\\>designed\\</b\\> & costed.');

    const page = await download(`${jpId}/report.html?period=2021`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = await page.text();
    expect(html).toContain('<h1>Social protection in Cambodia: progress report 2021</h1>');
    expect(html).toContain('<p>Family package &lt;b&gt;designed&lt;/b&gt; &amp; costed.</p>');
    expect(html).not.toContain('<b>designed');
    expect(html).toContain(
      'The funding sources the programme document names. Sign in to see the contributions recorded.',
    );
  });

  it('downloads one table as CSV with a byte order mark', async () => {
    const response = await download('JP-T/report.csv?period=2021&table=indicators', viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="JP-T-report-2021-indicators.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')).toEqual([
      'Result,Indicator,Name,Unit,Baseline,Target,Actual,Progress',
      'KHM-D 9.1: Draft outcome,D-1,Draft indicator,%,10,20,15,50',
      'KHM-F 1.1: People are covered by social protection,KHM-1,Households reached by cash transfers,households,0,560000,280000,50',
      'KHM-F 1.1.1: Pension schemes,KHM-2,People covered by pensions,people,100000,1500000,450000,25',
      '',
    ]);
  });

  it('downloads a PDF that renders: A4 pages, the title in ink, the agencies and figures in its text', async () => {
    const response = await download('JP-T/report.pdf?period=2021', viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="JP-T-report-2021.pdf"');
    const rendered = await renderPdf(new Uint8Array(await response.arrayBuffer()), { band: [50, 50, 545, 95] });
    expect(rendered.pages.length).toBeGreaterThanOrEqual(1);
    rendered.pages.forEach((p) => expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]));
    expect(rendered.firstPage.bandDarkShare).toBeGreaterThan(0.05);
    const [first] = rendered.pages;
    expect(first.text).toContain('Social protection in Cambodia');
    expect(first.text).toContain('International Labour Organization');
    expect(first.text).toContain('1,000,000.00');
    expect(first.text).toContain(`Page 1 of ${rendered.pages.length}`);
  });

  it('refuses downloads with the status and the GraphQL-style error body', async () => {
    const noPeriod = await download('JP-T/report.pdf', viewer);
    expect(noPeriod.status).toBe(400);
    expect(await noPeriod.json()).toEqual({
      error: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_PERIOD',
        message: `period is required: it must be a year or half/quarter of one: '2024', '2024-H1', '2024-Q3'`,
        fields: [{ path: 'period', message: "must be a year or half/quarter of one: '2024', '2024-H1', '2024-Q3'" }],
      },
    });
    const badTable = await download('JP-T/report.csv?period=2021&table=people', viewer);
    expect(badTable.status).toBe(400);
    expect(await badTable.json()).toMatchObject({
      error: {
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_TABLE',
        message: 'table "people" must be one of budget, funding, indicators, narrative, sdg, markers',
        fields: [{ path: 'table', value: 'people' }],
      },
    });
    const noTable = await download('JP-T/report.csv?period=2021', viewer);
    expect(noTable.status).toBe(400);
    expect((await refusedBy(noTable)).message).toMatch(/^table is required/);
    const hidden = await download('JP-U/report.md?period=2021');
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({
      error: { code: 'NOT_FOUND', reason: 'JOINT_PROGRAMME_NOT_FOUND', message: 'No joint programme JP-U' },
    });
    const notReported = await download('JP-T/report.html?period=2020-Q2', viewer);
    expect(notReported.status).toBe(404);
    expect((await refusedBy(notReported)).message).toBe(
      'No progress report of JP-T for 2020-Q2 (reported periods: 2021, 2022-H1)',
    );
    const badToken = await download('JP-T/report.pdf?period=2021', 'not-a-token');
    expect(badToken.status).toBe(401);
    expect(await refusedBy(badToken)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
  });
});
