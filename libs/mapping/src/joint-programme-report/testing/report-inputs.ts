import { reportPeriod, type ReportInputs } from '../domain/joint-programme-report';

/**
 * A programme's report inputs as the query would read them, for pure tests: a Cambodian programme
 * led by the ILO with UNICEF and WHO, a 2021 report, and overrides for what a test is about.
 */
export function someReportInputs(overrides: Partial<ReportInputs> = {}): ReportInputs {
  return {
    programme: {
      id: 'jp-1',
      code: 'JP-KHM',
      title: 'Social protection in Cambodia',
      countries: ['KHM'],
      status: 'ACTIVE',
      startDate: '2020-01-01',
      endDate: '2022-12-31',
      leadOrganisation: 'ILO',
      counterparts: ['General Secretariat of the National Social Protection Council'],
      fundingSources: ['Joint SDG Fund', 'EU'],
      sdgTargets: ['3.8', '1.3'],
      genderMarker: 1,
    },
    period: reportPeriod('2021'),
    report: {
      actuals: [
        { indicatorCode: 'KHM-1', actual: '560000' },
        { indicatorCode: 'OTHER', actual: '12' },
      ],
      expenditure: [
        { organisation: 'ILO', currency: 'USD', amount: '450000' },
        { organisation: 'UNICEF', currency: 'USD', amount: '300500' },
      ],
      narrative: [
        { organisation: 'UNICEF', text: 'Family package designed.' },
        { organisation: 'ILO', text: 'Pension schemes rolled out.' },
      ],
      revision: 1,
      reportedAt: '2022-02-15T09:00:00.000Z',
      revisedAt: '2022-02-15T09:00:00.000Z',
    },
    participants: [
      { organisation: 'ILO', role: 'LEAD', budgetShare: '50' },
      { organisation: 'UNICEF', role: 'PARTICIPATING', budgetShare: '30' },
      { organisation: 'WHO', role: 'PARTICIPATING', budgetShare: '20' },
    ],
    organisationNames: {
      ILO: 'International Labour Organization',
      UNICEF: "United Nations Children's Fund",
      WHO: 'World Health Organization',
    },
    budgets: [
      { organisation: 'ILO', currency: 'USD', required: '600000', available: '500000' },
      { organisation: 'UNICEF', currency: 'USD', required: '400000', available: '400000' },
    ],
    contributions: [
      {
        donor: 'JOINT_SDG_FUND',
        donorName: 'Joint SDG Fund',
        currency: 'USD',
        committed: '2000000.00',
        received: '2000000.00',
      },
    ],
    results: [
      {
        frameworkCode: 'KHM-UNSDCF',
        code: '1.1',
        kind: 'OUTCOME',
        title: 'People are covered by social protection',
        sdgTargets: ['1.3'],
        indicators: [
          {
            code: 'KHM-1',
            name: 'Households reached by cash transfers',
            unit: 'households',
            baseline: '0',
            target: '560000',
          },
          { code: 'KHM-2', name: 'People covered by pensions', unit: 'people', baseline: '100000', target: '1500000' },
        ],
      },
    ],
    activityMarkers: [],
    ...overrides,
  };
}
