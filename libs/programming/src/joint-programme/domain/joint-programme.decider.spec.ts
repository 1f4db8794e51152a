import { specFor } from '@concord/kernel/testing';
import type { FrameworkResultFacts, JointProgrammeCommand, ProgressReportInput } from './joint-programme.commands';
import { jointProgrammeDecider } from './joint-programme.decider';
import type {
  JointProgrammeDetails,
  JointProgrammeEvent,
  LinkedFrameworkResult,
  ProgressReport,
} from './joint-programme.events';

const given = specFor(jointProgrammeDecider);

type DraftData = Extract<JointProgrammeCommand, { type: 'DraftJointProgramme' }>['data'];

const details: JointProgrammeDetails = {
  title: 'Social protection in Malawi: accelerating inclusive progress towards the SDGs',
  countries: ['MWI'],
  leadOrganisation: 'UNICEF',
  participants: [
    { organisation: 'UNICEF', role: 'LEAD', budgetShare: '60' },
    { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '40' },
  ],
  counterparts: ['Ministry of Finance'],
  fundingSources: ['Joint SDG Fund'],
  startDate: '2020-01-01',
  endDate: '2022-02-28',
  policyAreas: ['SHOCK_RESPONSIVE'],
  targetGroups: ['OLDER_PERSONS'],
  sdgTargets: ['1.3'],
  genderMarker: 2,
};
const draft = (data: Partial<DraftData> = {}): JointProgrammeCommand => ({
  type: 'DraftJointProgramme',
  data: { code: 'JP-MWI', ...details, ...data },
});
const drafted: JointProgrammeEvent = { type: 'JointProgrammeDrafted', data: { code: 'JP-MWI', ...details } };
const submitted: JointProgrammeEvent = { type: 'JointProgrammeSubmitted', data: {} };
const approved: JointProgrammeEvent = { type: 'JointProgrammeApproved', data: {} };
const activated: JointProgrammeEvent = { type: 'JointProgrammeActivated', data: {} };
const closedOperationally: JointProgrammeEvent = { type: 'JointProgrammeOperationallyClosed', data: {} };
const active = [drafted, submitted, approved, activated];
const transition = (type: string): JointProgrammeCommand => ({ type, data: {} }) as JointProgrammeCommand;

describe('Drafting a joint programme', () => {
  it('drafts a concept with its agencies, shares, period and markers', () => given().when(draft()).then([drafted]));

  it('normalises shares to one decimal spelling and derives the lead from the LEAD participant', () =>
    given()
      .when(
        draft({
          leadOrganisation: undefined,
          participants: [
            { organisation: 'UNICEF', role: 'LEAD', budgetShare: '33.3334' },
            { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '33.3333' },
            { organisation: 'ILO', role: 'PARTICIPATING', budgetShare: '33.33330' },
          ],
        }),
      )
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            leadOrganisation: 'UNICEF',
            participants: [
              { organisation: 'UNICEF', role: 'LEAD', budgetShare: '33.3334' },
              { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '33.3333' },
              { organisation: 'ILO', role: 'PARTICIPATING', budgetShare: '33.3333' },
            ],
          }),
        }),
      ]));

  it('accepts a concept whose shares, lead and period are not known yet', () =>
    given()
      .when({
        type: 'DraftJointProgramme',
        data: { code: 'JP-MEX', title: 'Domestic workers coverage', countries: ['MEX'] },
      })
      .then([
        {
          type: 'JointProgrammeDrafted',
          data: {
            code: 'JP-MEX',
            title: 'Domestic workers coverage',
            countries: ['MEX'],
            participants: [],
            counterparts: [],
            fundingSources: [],
            policyAreas: [],
            targetGroups: [],
            sdgTargets: [],
          },
        },
      ]));

  it('refuses shares that do not sum to 100, naming the sum', () =>
    given()
      .when(
        draft({
          participants: [
            { organisation: 'UNICEF', role: 'LEAD', budgetShare: '60' },
            { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '30' },
          ],
        }),
      )
      .thenThrows('SHARES_NOT_100', /^participants: shares sum to 90%, not 100%$/));

  it('adds shares exactly, without float drift', () =>
    given()
      .when(
        draft({
          participants: [
            { organisation: 'UNICEF', role: 'LEAD', budgetShare: '33.3333' },
            { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '33.3333' },
            { organisation: 'ILO', role: 'PARTICIPATING', budgetShare: '33.3333' },
          ],
        }),
      )
      .thenThrows('SHARES_NOT_100', /shares sum to 99.9999%, not 100%/));

  it('refuses shares given for some participants only', () =>
    given()
      .when(
        draft({
          participants: [
            { organisation: 'UNICEF', role: 'LEAD', budgetShare: '100' },
            { organisation: 'WFP', role: 'PARTICIPATING' },
          ],
        }),
      )
      .thenThrows('SHARES_INCOMPLETE', /^participants\[1\]\.budgetShare: give a budget share for every participant/));

  it('refuses a share that is not a percentage string', () => {
    const withShare = (budgetShare: string) =>
      draft({
        participants: [
          { organisation: 'UNICEF', role: 'LEAD', budgetShare },
          { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '40' },
        ],
      });
    given()
      .when(withShare('0'))
      .thenThrows('INVALID_SHARE', /^participants\[0\]\.budgetShare: must be more than 0/);
    given()
      .when(withShare('60.00001'))
      .thenThrows('INVALID_SHARE', /at most 4 decimal places/);
    given()
      .when(withShare('sixty'))
      .thenThrows('INVALID_DECIMAL', /^participants\[0\]\.budgetShare:/);
  });

  it('refuses an organisation listed twice and an unknown role', () => {
    given()
      .when(
        draft({
          participants: [
            { organisation: 'UNICEF', role: 'LEAD', budgetShare: '50' },
            { organisation: 'UNICEF', role: 'PARTICIPATING', budgetShare: '50' },
          ],
        }),
      )
      .thenThrows('DUPLICATE_PARTICIPANT', /^participants\[1\]\.organisation: UNICEF is listed twice/);
    given()
      .when(draft({ participants: [{ organisation: 'UNICEF', role: 'BOSS' as never, budgetShare: '100' }] }))
      .thenThrows('UNKNOWN_CODE', /^participants\[0\]\.role: must be LEAD or PARTICIPATING/);
  });

  it('refuses two leads, and a lead organisation not listed as the LEAD participant', () => {
    given()
      .when(
        draft({
          leadOrganisation: undefined,
          participants: [
            { organisation: 'UNICEF', role: 'LEAD', budgetShare: '50' },
            { organisation: 'WFP', role: 'LEAD', budgetShare: '50' },
          ],
        }),
      )
      .thenThrows('LEAD_AMBIGUOUS', /^participants\[1\]\.role: only one organisation can lead; UNICEF already does/);
    given()
      .when(draft({ leadOrganisation: 'ILO' }))
      .thenThrows('LEAD_NOT_LISTED', /^leadOrganisation: ILO must be listed among the participants with role LEAD/);
  });

  it('refuses a period that ends before it starts, naming both dates', () =>
    given()
      .when(draft({ startDate: '2022-03-31', endDate: '2020-02-01' }))
      .thenThrows('PERIOD_ENDS_BEFORE_START', /^endDate: 2020-02-01 is before startDate 2022-03-31$/));

  it('refuses half a period and a malformed date', () => {
    given()
      .when(draft({ endDate: undefined }))
      .thenThrows('PERIOD_INCOMPLETE', /^endDate: give both startDate and endDate, or neither/);
    given()
      .when(draft({ startDate: '2020-13-01' }))
      .thenThrows('INVALID_DATE', /^startDate:/);
  });

  it('refuses unknown countries, policy areas, target groups and SDG targets, naming the value', () => {
    given()
      .when(draft({ countries: [] }))
      .thenThrows('COUNTRY_REQUIRED', /^countries:/);
    given()
      .when(draft({ countries: ['MWI', 'XXX'] }))
      .thenThrows('UNKNOWN_CODE', /^countries\[1\]: is not an ISO/);
    given()
      .when(draft({ policyAreas: ['SPACE_TRAVEL'] }))
      .thenThrows('UNKNOWN_CODE', /^policyAreas\[0\]: is not a policy area/);
    given()
      .when(draft({ targetGroups: ['CHILDREN', 'ALIENS'] }))
      .thenThrows('UNKNOWN_CODE', /^targetGroups\[1\]: is not a target group/);
    given()
      .when(draft({ sdgTargets: ['1.9'] }))
      .thenThrows('UNKNOWN_CODE', /^sdgTargets\[0\]: is not an SDG target/);
  });

  it('refuses a gender marker outside 0–3', () =>
    given()
      .when(draft({ genderMarker: 4 }))
      .thenThrows('INVALID_MARKER', /^genderMarker: must be a gender equality marker from 0 to 3/));

  it('refuses an empty title and an empty counterpart', () => {
    given()
      .when(draft({ title: '' }))
      .thenThrows('TEXT_REQUIRED', /^title: must not be empty/);
    given()
      .when(draft({ counterparts: ['Ministry', ' '] }))
      .thenThrows('TEXT_REQUIRED', /^counterparts\[1\]:/);
  });

  it('refuses to draft the same programme twice, and commands to a programme that does not exist', () => {
    given(drafted)
      .when(draft())
      .thenThrows('INVALID_TRANSITION', /^JointProgramme is CONCEPT; cannot draft it again/);
    given().when(transition('SubmitJointProgramme')).thenThrows('JOINT_PROGRAMME_NOT_FOUND');
  });
});

describe('Revising a joint programme', () => {
  const revise = (data: Partial<DraftData>): JointProgrammeCommand => ({ type: 'ReviseJointProgramme', data });

  it('records the whole revised details and names what changed', () =>
    given(drafted)
      .when(revise({ title: 'New title', genderMarker: 3, counterparts: undefined }))
      .then([
        {
          type: 'JointProgrammeRevised',
          data: { changed: ['title', 'genderMarker'], details: { ...details, title: 'New title', genderMarker: 3 } },
        },
      ]));

  it('moves the lead with the participants when the revision does not name it', () =>
    given(drafted)
      .when(
        revise({
          participants: [
            { organisation: 'UNICEF', role: 'PARTICIPATING', budgetShare: '45' },
            { organisation: 'WFP', role: 'LEAD', budgetShare: '55' },
          ],
        }),
      )
      .then([
        expect.objectContaining({ data: expect.objectContaining({ changed: ['leadOrganisation', 'participants'] }) }),
      ]));

  it('does nothing when nothing changes', () =>
    given(drafted)
      .when(revise({ title: details.title }))
      .then([]));

  it('checks the revised whole: shares still sum to 100', () =>
    given(drafted)
      .when(
        revise({
          participants: [
            { organisation: 'UNICEF', role: 'LEAD', budgetShare: '60' },
            { organisation: 'WFP', role: 'PARTICIPATING', budgetShare: '30' },
            { organisation: 'ILO', role: 'PARTICIPATING', budgetShare: '20' },
          ],
        }),
      )
      .thenThrows('SHARES_NOT_100', /shares sum to 110%, not 100%/));

  it('keeps a submitted programme complete', () =>
    given(drafted, submitted)
      .when(revise({ participants: [{ organisation: 'UNICEF', role: 'LEAD', budgetShare: '100' }] }))
      .thenThrows('SUBMISSION_INCOMPLETE', /participants: a joint programme needs at least two/));

  it('refuses new countries that would orphan a linked output', () =>
    given(drafted, {
      type: 'JointProgrammeResultsLinked',
      data: {
        results: [{ id: 'f:1.1.1', kind: 'OUTPUT', frameworkCode: 'MWI-UNSDCF', code: '1.1.1', countries: ['MWI'] }],
      },
    })
      .when(revise({ countries: ['ZMB'] }))
      .thenThrows(
        'RESULT_OF_OTHER_COUNTRY',
        /^countries: output MWI-UNSDCF:1.1.1 belongs to the framework of MWI, not ZMB/,
      ));

  describe('with linked activities', () => {
    // The activities of the programme that start first and end last (period 2020-01-01 to 2022-02-28).
    const linkedActivities = {
      earliest: { id: 'a-1', title: 'Cash transfer design', start: '2020-03-01', end: '2020-12-31' },
      latest: { id: 'a-2', title: 'Registry roll-out', start: '2021-01-01', end: '2022-01-31' },
    };
    const reviseHolding = (data: Partial<DraftData>): JointProgrammeCommand => ({
      type: 'ReviseJointProgramme',
      data,
      linkedActivities,
    });

    it('accepts a new period that still holds every linked activity', () =>
      given(drafted)
        .when(reviseHolding({ startDate: '2020-03-01', endDate: '2022-01-31' }))
        .then([expect.objectContaining({ data: expect.objectContaining({ changed: ['startDate', 'endDate'] }) })]));

    it('refuses a start after a linked activity starts, naming the activity', () =>
      given(drafted)
        .when(reviseHolding({ startDate: '2020-06-01', endDate: '2022-02-28' }))
        .thenThrows(
          'ACTIVITY_OUTSIDE_PERIOD',
          /^startDate: would leave out linked activity "Cash transfer design" \(a-1\), which starts 2020-03-01; move the activity or unlink it first/,
        ));

    it('refuses an end before a linked activity ends, naming the activity', () =>
      given(drafted)
        .when(reviseHolding({ startDate: '2020-01-01', endDate: '2021-12-31' }))
        .thenThrows(
          'ACTIVITY_OUTSIDE_PERIOD',
          /^endDate: would leave out linked activity "Registry roll-out" \(a-2\), which ends 2022-01-31/,
        ));
  });

  it('refuses revisions once approved, naming the state', () =>
    given(drafted, submitted, approved)
      .when(revise({ title: 'Too late' }))
      .thenThrows('INVALID_TRANSITION', /^JointProgramme is APPROVED; cannot revise$/));
});

describe('Joint programme lifecycle', () => {
  it('walks CONCEPT → SUBMITTED → APPROVED → ACTIVE → OPERATIONALLY_CLOSED → FINANCIALLY_CLOSED', () => {
    given(drafted).when(transition('SubmitJointProgramme')).then([submitted]);
    given(drafted, submitted).when(transition('ApproveJointProgramme')).then([approved]);
    given(drafted, submitted, approved).when(transition('ActivateJointProgramme')).then([activated]);
    given(...active)
      .when(transition('CloseJointProgrammeOperationally'))
      .then([closedOperationally]);
    given(...active, closedOperationally)
      .when(transition('CloseJointProgrammeFinancially'))
      .then([{ type: 'JointProgrammeFinanciallyClosed', data: {} }]);
  });

  it('rejects a submitted programme with a reason', () =>
    given(drafted, submitted)
      .when({ type: 'RejectJointProgramme', data: { reason: ' Overlaps the WFP pilot ' } })
      .then([{ type: 'JointProgrammeRejected', data: { reason: 'Overlaps the WFP pilot' } }]));

  it('cancels from CONCEPT, SUBMITTED or APPROVED, with a reason', () => {
    const cancel: JointProgrammeCommand = { type: 'CancelJointProgramme', data: { reason: 'Funding withdrawn' } };
    const cancelled = [{ type: 'JointProgrammeCancelled', data: { reason: 'Funding withdrawn' } }];
    given(drafted).when(cancel).then(cancelled);
    given(drafted, submitted).when(cancel).then(cancelled);
    given(drafted, submitted, approved).when(cancel).then(cancelled);
    given(...active)
      .when(cancel)
      .thenThrows('INVALID_TRANSITION', /^JointProgramme is ACTIVE; cannot cancel$/);
    given(drafted)
      .when({ type: 'CancelJointProgramme', data: { reason: '' } })
      .thenThrows('TEXT_REQUIRED', /^reason:/);
  });

  it('refuses every transition the lifecycle does not allow, naming the current state', () => {
    given(drafted)
      .when(transition('ApproveJointProgramme'))
      .thenThrows('INVALID_TRANSITION', /^JointProgramme is CONCEPT; cannot approve$/);
    given(drafted)
      .when({ type: 'RejectJointProgramme', data: { reason: 'x' } })
      .thenThrows('INVALID_TRANSITION', /is CONCEPT; cannot reject/);
    given(drafted, submitted)
      .when(transition('ActivateJointProgramme'))
      .thenThrows('INVALID_TRANSITION', /is SUBMITTED; cannot activate/);
    given(drafted, submitted)
      .when(transition('SubmitJointProgramme'))
      .thenThrows('INVALID_TRANSITION', /is SUBMITTED; cannot submit/);
    given(drafted, submitted, approved)
      .when(transition('CloseJointProgrammeOperationally'))
      .thenThrows('INVALID_TRANSITION', /is APPROVED; cannot close operationally/);
    given(...active)
      .when(transition('CloseJointProgrammeFinancially'))
      .thenThrows('INVALID_TRANSITION', /is ACTIVE; cannot close financially/);
    given(drafted, submitted, { type: 'JointProgrammeRejected', data: { reason: 'x' } })
      .when(transition('SubmitJointProgramme'))
      .thenThrows('INVALID_TRANSITION', /is REJECTED; cannot submit/);
    given(drafted, { type: 'JointProgrammeCancelled', data: { reason: 'x' } })
      .when(transition('SubmitJointProgramme'))
      .thenThrows('INVALID_TRANSITION', /is CANCELLED; cannot submit/);
  });

  it('submits only a complete programme document, listing what is missing', () =>
    given({
      type: 'JointProgrammeDrafted',
      data: {
        code: 'JP-MEX',
        title: 'Domestic workers',
        countries: ['MEX'],
        participants: [{ organisation: 'ILO', role: 'PARTICIPATING' }],
        counterparts: [],
        fundingSources: [],
        policyAreas: [],
        targetGroups: [],
        sdgTargets: [],
      },
    })
      .when(transition('SubmitJointProgramme'))
      .thenThrows(
        'SUBMISSION_INCOMPLETE',
        /^JointProgramme JP-MEX is incomplete: leadOrganisation: a lead organisation is needed; participants: a joint programme needs at least two participating organisations; startDate: a period is needed$/,
      ));
});

describe('Linking framework outcomes and outputs', () => {
  const output: FrameworkResultFacts & LinkedFrameworkResult = {
    id: 'fw-mwi:1.1.1',
    kind: 'OUTPUT',
    frameworkCode: 'MWI-UNSDCF-2019',
    code: '1.1.1',
    countries: ['MWI'],
  };
  const link = (...results: FrameworkResultFacts[]): JointProgrammeCommand => ({
    type: 'LinkFrameworkResults',
    data: { results },
  });
  const linked: JointProgrammeEvent = { type: 'JointProgrammeResultsLinked', data: { results: [output] } };

  it('links an output of a framework covering one of its countries', () =>
    given(drafted).when(link(output)).then([linked]));

  it('links only what is not linked yet', () => {
    const outcome: FrameworkResultFacts & LinkedFrameworkResult = {
      ...output,
      id: 'fw-mwi:1.1',
      kind: 'OUTCOME',
      code: '1.1',
    };
    given(drafted, linked)
      .when(link(output, outcome, outcome))
      .then([{ type: 'JointProgrammeResultsLinked', data: { results: [outcome] } }]);
    given(drafted, linked).when(link(output)).then([]);
  });

  it("refuses another country's output, naming both countries", () =>
    given(drafted)
      .when(link({ ...output, frameworkCode: 'KHM-UNSDCF-2019', countries: ['KHM'] }))
      .thenThrows(
        'RESULT_OF_OTHER_COUNTRY',
        /^resultIds\[0\]: output KHM-UNSDCF-2019:1.1.1 belongs to the framework of KHM, not MWI$/,
      ));

  it('refuses a strategic priority', () =>
    given(drafted)
      .when(link({ ...output, kind: 'STRATEGIC_PRIORITY', code: 'SP1' }))
      .thenThrows('LINK_TO_PRIORITY', /^resultIds\[0\]: MWI-UNSDCF-2019:SP1 is a strategic priority/));

  it('refuses links once the programme is closed or cancelled', () =>
    given(...active, closedOperationally)
      .when(link(output))
      .thenThrows('INVALID_TRANSITION', /is OPERATIONALLY_CLOSED; cannot link framework results/));
});

describe('Progress reports', () => {
  const report: ProgressReport = {
    period: '2021-H1',
    indicatorActuals: [{ indicatorCode: 'IND-1', actual: '6386' }],
    expenditure: [
      { organisation: 'UNICEF', currency: 'USD', amount: '250000.5' },
      { organisation: 'WFP', currency: 'MWK', amount: '1000000' },
    ],
    narratives: [{ organisation: 'WFP', text: 'Urban cash reached 6,386 households.' }],
  };
  const record = (data: Partial<ProgressReportInput> = {}): JointProgrammeCommand => ({
    type: 'RecordProgressReport',
    data: { ...report, ...data },
  });
  const reported: JointProgrammeEvent = { type: 'JointProgrammeProgressReported', data: report };

  it('records an active programme’s report with canonical amounts', () =>
    given(...active)
      .when(record({ expenditure: [{ ...report.expenditure[0], amount: '250000.50' }, report.expenditure[1]] }))
      .then([reported]));

  it('records the final report after operational closure', () =>
    given(...active, closedOperationally)
      .when(record({ period: '2022' }))
      .then([{ ...reported, data: { ...report, period: '2022' } }]));

  it('treats a second report for the same period as a revision, and ignores an identical one', () => {
    given(...active, reported)
      .when(record({ indicatorActuals: [{ indicatorCode: 'IND-1', actual: '6400' }] }))
      .then([
        {
          type: 'JointProgrammeProgressReportRevised',
          data: { ...report, indicatorActuals: [{ indicatorCode: 'IND-1', actual: '6400' }] },
        },
      ]);
    given(...active, reported)
      .when(record())
      .then([]);
  });

  it('refuses reports before the programme is active', () =>
    given(drafted, submitted, approved)
      .when(record())
      .thenThrows('INVALID_TRANSITION', /^JointProgramme is APPROVED; cannot record a progress report$/));

  it('refuses a malformed period and one outside the programme period', () => {
    given(...active)
      .when(record({ period: '2021-S1' }))
      .thenThrows('INVALID_PERIOD', /^period: must be a year or half/);
    given(...active)
      .when(record({ period: '2019-Q4' }))
      .thenThrows(
        'PERIOD_OUTSIDE_PROGRAMME',
        /^period: 2019-Q4 lies outside the programme's period 2020-01-01 to 2022-02-28/,
      );
  });

  it('refuses expenditure or narrative of an organisation that does not participate', () => {
    given(...active)
      .when(record({ expenditure: [{ organisation: 'FAO', currency: 'USD', amount: '1' }] }))
      .thenThrows('NOT_A_PARTICIPANT', /^expenditure\[0\]\.organisation: FAO is not a participant of JP-MWI/);
    given(...active)
      .when(record({ narratives: [{ organisation: 'ILO', text: 'x' }] }))
      .thenThrows('NOT_A_PARTICIPANT', /^narratives\[0\]\.organisation: ILO is not a participant/);
  });

  it('refuses an unknown currency, a negative or float-like amount, and a non-decimal actual', () => {
    given(...active)
      .when(record({ expenditure: [{ organisation: 'WFP', currency: 'XYZ', amount: '1' }] }))
      .thenThrows('UNKNOWN_CODE', /^expenditure\[0\]\.currency: is not an ISO 4217 currency code/);
    given(...active)
      .when(record({ expenditure: [{ organisation: 'WFP', currency: 'USD', amount: '-5' }] }))
      .thenThrows('NEGATIVE_AMOUNT', /^expenditure\[0\]\.amount: must not be negative/);
    given(...active)
      .when(record({ expenditure: [{ organisation: 'WFP', currency: 'USD', amount: '1.5e3' }] }))
      .thenThrows('INVALID_DECIMAL', /^expenditure\[0\]\.amount:/);
    given(...active)
      .when(record({ indicatorActuals: [{ indicatorCode: 'IND-1', actual: 'many' }] }))
      .thenThrows('INVALID_DECIMAL', /^indicatorActuals\[0\]\.actual:/);
  });

  it('refuses entries given twice', () => {
    given(...active)
      .when(
        record({
          indicatorActuals: [
            { indicatorCode: 'IND-1', actual: '1' },
            { indicatorCode: 'IND-1', actual: '2' },
          ],
        }),
      )
      .thenThrows('DUPLICATE_ENTRY', /^indicatorActuals\[1\]\.indicatorCode: IND-1 is reported twice/);
    given(...active)
      .when(record({ expenditure: [report.expenditure[0], report.expenditure[0]] }))
      .thenThrows('DUPLICATE_ENTRY', /^expenditure\[1\]\.currency: UNICEF USD is reported twice/);
    given(...active)
      .when(record({ narratives: [report.narratives[0], report.narratives[0]] }))
      .thenThrows('DUPLICATE_ENTRY', /^narratives\[1\]\.organisation: WFP is reported twice/);
  });

  it('refuses an empty report', () =>
    given(...active)
      .when({ type: 'RecordProgressReport', data: { period: '2021' } })
      .thenThrows('EMPTY_REPORT', /^period: a progress report needs indicator actuals, expenditure or a narrative/));
});

describe('Joint programme publication', () => {
  const published: JointProgrammeEvent = { type: 'JointProgrammePublished', data: {} };
  const unpublished: JointProgrammeEvent = { type: 'JointProgrammeUnpublished', data: {} };
  const publish = transition('PublishJointProgramme');
  const unpublish = transition('UnpublishJointProgramme');
  const rejected: JointProgrammeEvent = { type: 'JointProgrammeRejected', data: { reason: 'x' } };
  const cancelled: JointProgrammeEvent = { type: 'JointProgrammeCancelled', data: { reason: 'x' } };

  it('starts unpublished and publishes a programme in any state it ran or may run in', () => {
    given(drafted).when(publish).then([published]);
    given(drafted, submitted, approved).when(publish).then([published]);
    given(...active, closedOperationally, { type: 'JointProgrammeFinanciallyClosed', data: {} })
      .when(publish)
      .then([published]);
  });

  it('unpublishes a published programme, and publishes it again', () => {
    given(drafted, published).when(unpublish).then([unpublished]);
    given(drafted, published, unpublished).when(publish).then([published]);
  });

  it('records nothing when it is already published, or not published', () => {
    given(drafted, published).when(publish).then([]);
    given(drafted).when(unpublish).then([]);
    given(drafted, published, unpublished).when(unpublish).then([]);
  });

  it('refuses to publish a rejected or cancelled programme, naming its state, but unpublishes one', () => {
    given(drafted, submitted, rejected)
      .when(publish)
      .thenThrows('INVALID_TRANSITION', /^JointProgramme is REJECTED; cannot publish$/);
    given(drafted, cancelled)
      .when(publish)
      .thenThrows('INVALID_TRANSITION', /^JointProgramme is CANCELLED; cannot publish$/);
    given(drafted, published, cancelled).when(unpublish).then([unpublished]);
    given(drafted, published, cancelled).when(publish).then([]);
  });

  it('refuses to publish a programme that does not exist', () =>
    given().when(publish).thenThrows('JOINT_PROGRAMME_NOT_FOUND'));
});
