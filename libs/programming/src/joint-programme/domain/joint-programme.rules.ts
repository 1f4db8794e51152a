import { ConcordError, type FieldError } from '@concord/kernel';
import { isCurrency } from '@concord/reference';
import { Decimal } from 'decimal.js';
import {
  bad,
  decimalText,
  firstRepeat,
  validCode,
  validCodes,
  validCountries,
  validDate,
  validDecimal,
  validOrganisationCode,
  validText,
  validTexts,
} from '../../cooperation-framework/domain/field-rules';
import type { JointProgrammeDetailsInput, ProgressReportInput } from './joint-programme.commands';
import type {
  AgencyExpenditure,
  AgencyNarrative,
  IndicatorActual,
  JointProgrammeDetails,
  LinkedFrameworkResult,
  Participant,
  ProgressReport,
} from './joint-programme.events';
import { REPORT_PERIOD_RULE, reportPeriodDays } from './report-period';

/**
 * The invariants of a joint programme's details and reports, each failure naming the field, the
 * value and the rule. Used by the decider; pure.
 */

const MAX_TITLE = 300;
const MAX_ENTRY = 200;
const MAX_NARRATIVE = 10_000;
const ROLES = ['LEAD', 'PARTICIPATING'];
const HUNDRED = new Decimal(100);
const SHARE_DECIMALS = 4; // budget_share is NUMERIC(7,4)

function validShare(path: string, value: string): string {
  const share = validDecimal(path, value);
  if (share.lte(0) || share.gt(HUNDRED)) throw bad('INVALID_SHARE', path, value, 'must be more than 0 and at most 100');
  if (share.decimalPlaces() > SHARE_DECIMALS) {
    throw bad('INVALID_SHARE', path, value, `must have at most ${SHARE_DECIMALS} decimal places`);
  }
  return decimalText(share);
}

function validParticipant(participant: Participant, i: number): Participant {
  const path = `participants[${i}]`;
  if (!ROLES.includes(participant.role)) {
    throw bad('UNKNOWN_CODE', `${path}.role`, participant.role, 'must be LEAD or PARTICIPATING');
  }
  const organisation = validOrganisationCode(`${path}.organisation`, participant.organisation);
  if (participant.budgetShare === undefined || participant.budgetShare === null) {
    return { organisation, role: participant.role };
  }
  return {
    organisation,
    role: participant.role,
    budgetShare: validShare(`${path}.budgetShare`, participant.budgetShare),
  };
}

/** Shares are either not agreed yet (none given) or agreed: one for everyone, summing to exactly 100. */
function checkShares(participants: Participant[]): void {
  if (participants.every((p) => p.budgetShare === undefined)) return;
  const missing = participants.findIndex((p) => p.budgetShare === undefined);
  if (missing !== -1) {
    throw bad(
      'SHARES_INCOMPLETE',
      `participants[${missing}].budgetShare`,
      undefined,
      'give a budget share for every participant, or for none while the shares are not agreed',
    );
  }
  const sum = Decimal.sum(...participants.map((p) => p.budgetShare!));
  if (!sum.eq(HUNDRED)) {
    throw bad('SHARES_NOT_100', 'participants', decimalText(sum), `shares sum to ${decimalText(sum)}%, not 100%`);
  }
}

/** The lead is the one participant with role LEAD; `leadOrganisation`, when given, must name it. */
function leadOf(participants: Participant[], leadOrganisation: string | undefined): string | undefined {
  const leads = participants.filter((p) => p.role === 'LEAD');
  if (leads.length > 1) {
    const second = participants.indexOf(leads[1]);
    throw bad(
      'LEAD_AMBIGUOUS',
      `participants[${second}].role`,
      'LEAD',
      `only one organisation can lead; ${leads[0].organisation} already does`,
    );
  }
  if (leadOrganisation === undefined || leadOrganisation === null) return leads[0]?.organisation;
  validOrganisationCode('leadOrganisation', leadOrganisation);
  if (leads[0]?.organisation !== leadOrganisation) {
    throw bad(
      'LEAD_NOT_LISTED',
      'leadOrganisation',
      leadOrganisation,
      `${leadOrganisation} must be listed among the participants with role LEAD`,
    );
  }
  return leadOrganisation;
}

function validParticipants(
  input: JointProgrammeDetailsInput,
): Pick<JointProgrammeDetails, 'participants' | 'leadOrganisation'> {
  const participants = (input.participants ?? []).map(validParticipant);
  const repeat = firstRepeat(participants, (p) => p.organisation);
  if (repeat) {
    throw bad(
      'DUPLICATE_PARTICIPANT',
      `participants[${repeat.index}].organisation`,
      repeat.key,
      `${repeat.key} is listed twice`,
    );
  }
  checkShares(participants);
  return { participants, leadOrganisation: leadOf(participants, input.leadOrganisation) };
}

/** Both dates or neither (a concept may not know its period yet); the end is not before the start. */
function validPeriod(start?: string | null, end?: string | null): Pick<JointProgrammeDetails, 'startDate' | 'endDate'> {
  const [startDate, endDate] = [start ?? undefined, end ?? undefined]; // GraphQL null = not given
  if (startDate === undefined && endDate === undefined) return {};
  if (startDate === undefined || endDate === undefined) {
    const missing = startDate === undefined ? 'startDate' : 'endDate';
    throw bad('PERIOD_INCOMPLETE', missing, undefined, 'give both startDate and endDate, or neither');
  }
  validDate('startDate', startDate);
  validDate('endDate', endDate);
  if (endDate < startDate) {
    throw bad('PERIOD_ENDS_BEFORE_START', 'endDate', endDate, `${endDate} is before startDate ${startDate}`);
  }
  return { startDate, endDate };
}

function validGenderMarker(marker: number | undefined): number | undefined {
  if (marker === undefined || marker === null) return undefined;
  if (!Number.isInteger(marker) || marker < 0 || marker > 3) {
    throw bad('INVALID_MARKER', 'genderMarker', marker, 'must be a gender equality marker from 0 to 3');
  }
  return marker;
}

export function validDetails(input: JointProgrammeDetailsInput): JointProgrammeDetails {
  return {
    title: validText('title', input.title, MAX_TITLE),
    countries: validCountries('countries', input.countries),
    ...validParticipants(input),
    counterparts: validTexts('counterparts', input.counterparts, MAX_ENTRY),
    fundingSources: validTexts('fundingSources', input.fundingSources, MAX_ENTRY),
    ...validPeriod(input.startDate, input.endDate),
    policyAreas: validCodes('policyAreas', 'policyAreas', 'a policy area', input.policyAreas),
    targetGroups: validCodes('targetGroups', 'targetGroups', 'a target group', input.targetGroups),
    sdgTargets: validCodes('sdgTargets', 'sdgTarget', 'an SDG target', input.sdgTargets),
    genderMarker: validGenderMarker(input.genderMarker),
  };
}

/** A programme document goes for approval only with a lead, two or more agencies, agreed shares and a period. */
export function checkSubmittable(code: string, details: JointProgrammeDetails): void {
  const missing: FieldError[] = [];
  if (!details.leadOrganisation) missing.push({ path: 'leadOrganisation', message: 'a lead organisation is needed' });
  if (details.participants.length < 2) {
    missing.push({
      path: 'participants',
      value: details.participants.length,
      message: 'a joint programme needs at least two participating organisations',
    });
  } else if (details.participants.some((p) => p.budgetShare === undefined)) {
    missing.push({ path: 'participants', message: 'budget shares summing to 100% are needed' });
  }
  if (!details.startDate) missing.push({ path: 'startDate', message: 'a period is needed' });
  if (missing.length) {
    const list = missing.map((m) => `${m.path}: ${m.message}`).join('; ');
    throw new ConcordError(
      'BAD_USER_INPUT',
      'SUBMISSION_INCOMPLETE',
      `JointProgramme ${code} is incomplete: ${list}`,
      missing,
    );
  }
}

/** A linked outcome or output must belong to a framework covering one of the programme's countries. */
export function checkLinkFits(path: string, result: LinkedFrameworkResult, countries: string[]): void {
  if (result.countries.some((c) => countries.includes(c))) return;
  throw bad(
    'RESULT_OF_OTHER_COUNTRY',
    path,
    result.id,
    `${result.kind.toLowerCase()} ${result.frameworkCode}:${result.code} belongs to the framework of ` +
      `${result.countries.join(', ')}, not ${countries.join(' or ')}`,
  );
}

// Progress reports ----------------------------------------------------------------------------

function validReportPeriod(period: string, details: JointProgrammeDetails): string {
  const days = reportPeriodDays(period);
  if (!days) throw bad('INVALID_PERIOD', 'period', period, REPORT_PERIOD_RULE);
  const { startDate, endDate } = details;
  if (startDate && endDate && (days.last < startDate || days.first > endDate)) {
    throw bad(
      'PERIOD_OUTSIDE_PROGRAMME',
      'period',
      period,
      `${period} lies outside the programme's period ${startDate} to ${endDate}`,
    );
  }
  return period;
}

function noRepeat<T>(path: string, items: T[], field: keyof T & string, key: (item: T) => string): T[] {
  const repeat = firstRepeat(items, key);
  if (repeat)
    throw bad('DUPLICATE_ENTRY', `${path}[${repeat.index}].${field}`, repeat.key, `${repeat.key} is reported twice`);
  return items;
}

function participantOf(path: string, organisation: string, code: string, details: JointProgrammeDetails): string {
  if (!details.participants.some((p) => p.organisation === organisation)) {
    throw bad('NOT_A_PARTICIPANT', path, organisation, `${organisation} is not a participant of ${code}`);
  }
  return organisation;
}

const validActuals = (actuals: IndicatorActual[]) =>
  noRepeat(
    'indicatorActuals',
    actuals.map((a, i) => ({
      indicatorCode: validCode(`indicatorActuals[${i}].indicatorCode`, a.indicatorCode),
      actual: decimalText(validDecimal(`indicatorActuals[${i}].actual`, a.actual)),
    })),
    'indicatorCode',
    (a) => a.indicatorCode,
  );

function validExpenditure(lines: AgencyExpenditure[], code: string, details: JointProgrammeDetails) {
  const valid = lines.map((line, i) => {
    const path = `expenditure[${i}]`;
    if (!isCurrency(line.currency)) {
      throw bad('UNKNOWN_CODE', `${path}.currency`, line.currency, 'is not an ISO 4217 currency code');
    }
    const amount = validDecimal(`${path}.amount`, line.amount);
    if (amount.isNegative()) throw bad('NEGATIVE_AMOUNT', `${path}.amount`, line.amount, 'must not be negative');
    return {
      organisation: participantOf(`${path}.organisation`, line.organisation, code, details),
      currency: line.currency,
      amount: decimalText(amount),
    };
  });
  return noRepeat('expenditure', valid, 'currency', (e) => `${e.organisation} ${e.currency}`);
}

function validNarratives(narratives: AgencyNarrative[], code: string, details: JointProgrammeDetails) {
  const valid = narratives.map((n, i) => ({
    organisation: participantOf(`narratives[${i}].organisation`, n.organisation, code, details),
    text: validText(`narratives[${i}].text`, n.text, MAX_NARRATIVE),
  }));
  return noRepeat('narratives', valid, 'organisation', (n) => n.organisation);
}

export function validReport(input: ProgressReportInput, code: string, details: JointProgrammeDetails): ProgressReport {
  const report: ProgressReport = {
    period: validReportPeriod(input.period, details),
    indicatorActuals: validActuals(input.indicatorActuals ?? []),
    expenditure: validExpenditure(input.expenditure ?? [], code, details),
    narratives: validNarratives(input.narratives ?? [], code, details),
  };
  if (!report.indicatorActuals.length && !report.expenditure.length && !report.narratives.length) {
    throw bad(
      'EMPTY_REPORT',
      'period',
      input.period,
      'a progress report needs indicator actuals, expenditure or a narrative',
    );
  }
  return report;
}
