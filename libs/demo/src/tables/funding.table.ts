import {
  callAggregate,
  contributionAggregate,
  fundAggregate,
  proposalAggregate,
  type Applicant,
  type Money,
} from '@concord/funding';
import { countryByCode, type PolicyArea } from '@concord/reference';
import { Decimal } from 'decimal.js';
import type { CsvRecord } from '../csv';
import { countriesIn } from '../country-names';
import { periodSpanOf, spanOf } from '../dates';
import { DEMO_FILES } from '../demo-data';
import { demoStep, demoStreamId, skippedRecord, type DemoRecord, type DemoTable, type PlanContext } from '../demo-plan';
import { policyAreasIn } from '../keywords';
import type { ResolvedNames } from '../organisation-names';
import { PROGRAMME_COUNTRIES } from '../synthetic/synthetic-weights';
import { isNotStated, splitOutsideParentheses } from '../text';
import type { JOINT_PROGRAMME_COLUMNS } from './joint-programmes.table';

/**
 * The funding part of the demo: the Joint SDG Fund and its first call with the 114 proposals it
 * received (document 000), the Flagship Programme's phase 2 as a fund with what it has mobilised
 * (document 002), and two competing pitches (document 004). The documents give the totals only:
 * every per-proposal figure, applicant list, country and date they do not give is an inference,
 * written into the events' provenance. Commands run as the system actor, so the facts a handler
 * would read from the funds' and calls' read models come from this plan's own fund and call.
 */

export const FUNDING_CALL_COLUMNS = [
  'call',
  'jp_count',
  'launched',
  'funding_usd',
  'countries',
  'source_line',
] as const;
export const LEDGER_COLUMNS = ['programme', 'phase', 'line_item', 'amount_usd', 'status', 'source_line'] as const;
export const CASE_COLUMNS = ['case_id', 'country', 'actors', 'description', 'report', 'source_line'] as const;

type JointProgrammeRow = Record<(typeof JOINT_PROGRAMME_COLUMNS)[number], string>;

const USD = 'USD';
const usd = (amount: Decimal.Value): Money => ({ amount: new Decimal(amount).toFixed(2), currency: USD });
const shown = (amount: Decimal.Value) => `${new Decimal(amount).toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} USD`;

const fundStream = (code: string) => ({ kind: 'fund', key: code });
const jointProgrammeStream = (id: string) => ({ kind: 'joint-programme', key: id });

// ————————————————————————————————————————— shared helpers —————————————————————————————————————————

/**
 * `total` shared out in proportion to `weights`, in whole multiples of `unit`, adding up to exactly
 * `total`: each share rounded down, and the units left over given to the largest remainders (ties
 * to the earlier share). Decimal arithmetic throughout, so the sum is exact.
 */
export function apportion(total: Decimal.Value, weights: readonly number[], unit: Decimal.Value = 1): Decimal[] {
  const units = new Decimal(total).div(unit);
  if (!units.isInteger() || units.isNegative())
    throw new Error(`${String(total)} is not a whole number of ${String(unit)}`);
  if (!weights.length || weights.some((w) => !Number.isInteger(w) || w <= 0)) {
    throw new Error(`weights must be positive integers: ${weights.join(', ')}`);
  }
  // units × w / Σw as a whole quotient and a remainder: integers only, so nothing is rounded.
  const sum = weights.reduce((a, w) => a + w, 0);
  const shares = weights.map((w) => units.times(w).divToInt(sum));
  const rests = weights.map((w) => units.times(w).mod(sum));
  const left = units.minus(Decimal.sum(...shares)).toNumber();
  const largestRemainders = rests
    .map((rest, i) => ({ i, rest }))
    .sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i)
    .slice(0, left);
  for (const { i } of largestRemainders) shares[i] = shares[i].plus(1);
  return shares.map((share) => share.times(unit));
}

/** An ISO date `days` later. */
export const plusDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const countryNames = (codes: readonly string[]) => {
  const names = codes.map((code) => countryByCode(code)?.name.en ?? code);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
};

const integer = (file: string, row: CsvRecord, column: string): number => {
  const value = row.fields[column];
  if (!/^\d+$/.test(value)) throw new Error(`${file} line ${row.line}: ${column} "${value}" is not a whole number`);
  return Number(value);
};

// ——————————————————————————————————————— the Joint SDG Fund ———————————————————————————————————————

export const JOINT_SDG_FUND = 'JOINT_SDG_FUND';

/** The fund's windows: one per call the table names (doc 000 l.1256). */
const JOINT_SDG_FUND_WINDOWS = [
  { code: 'SP_LNOB', title: 'Integrated social protection and leaving no one behind' },
  { code: 'SDG_FINANCING', title: 'SDG financing' },
  { code: 'SIDS', title: 'Small island developing States' },
];

/** The document gives the month the call opened (March 2019), not when it closed. */
export const FIRST_CALL_CLOSES_ON = '2019-04-30';
/** Neither is dated: decisions before the programmes were launched in 2020 (doc 000 l.1692). */
export const NOT_SELECTED_ON = '2019-11-29';
export const AWARDED_ON = '2019-12-16';
/** The portfolio's programmes were launched in 2020 and end in late 2022 (doc 000 l.1256–1258). */
const PORTFOLIO_PERIOD = { start: '2020-01-01', end: '2022-12-31' };
/** Awards and co-funding are shared out in thousands of dollars. */
const AMOUNT_UNIT = 1_000;

/**
 * Countries the documents place a Joint SDG Fund programme in beyond the row's scope: the Eastern
 * Caribbean programme is the Fund's programme for Barbados and the Eastern Caribbean.
 */
const MORE_COUNTRIES: Readonly<Record<string, { codes: string[]; why: string }>> = {
  'JP-EC-LCA': {
    codes: ['BRB'],
    why: 'Barbados added: the programme is the Fund\'s "Barbados and the Eastern Caribbean" programme; the row names St Lucia only',
  },
};

/**
 * Where the synthetic proposals are: first the six small island States the Fund financed in 2020
 * besides the Eastern Caribbean (doc 000 l.795 gives their number, not their names), then the
 * demo's programme countries, then other countries with a UN country team. Each country applies
 * once ("114 country applications", l.1692); those of the real programmes are left out.
 */
const SIX_SIDS = ['FJI', 'WSM', 'TON', 'TUV', 'CPV', 'STP'];
const MORE_UNCT_COUNTRIES = [
  ...['ALB', 'AZE', 'BIH', 'BTN', 'CHL', 'COG', 'COM', 'CRI', 'CUB', 'DJI', 'DOM', 'DZA', 'ERI', 'GAB', 'GMB', 'GNB'],
  ...['GNQ', 'GUY', 'IRN', 'JAM', 'KAZ', 'KIR', 'MDA', 'MDV', 'MKD', 'MNE', 'MUS', 'NIC', 'PAN', 'PNG', 'PRY', 'SRB'],
  ...['SUR', 'SWZ', 'SYC', 'SYR', 'TTO', 'TUR', 'UKR', 'URY', 'VEN', 'VUT', 'SLB', 'LBY', 'FSM', 'MHL', 'PLW', 'NRU'],
];
/** Applicants of the synthetic proposals, in turn: the agencies of the Fund's social protection portfolio. */
const AGENCIES = ['UNICEF', 'ILO', 'WFP', 'UNDP', 'UN_WOMEN', 'FAO', 'UNFPA', 'WHO'];
const OTHER_AREAS: PolicyArea[] = [
  'INFORMAL_ECONOMY',
  'FINANCING',
  'DELIVERY_SYSTEMS',
  'SHOCK_RESPONSIVE',
  'HEALTH_INTEGRATION',
];

/** What the calls table says of the first call: 35 funded in 39 countries, 69M + 32M, 79 not financed. */
export interface FirstCallFigures {
  title: string;
  funded: number;
  notFunded: number;
  countries: number;
  fromFund: Decimal;
  coFunding: Decimal;
  /** The call's row, for provenance. */
  row: CsvRecord;
}

const FUNDING = /^(\d+)M fund \+ (\d+)M co-funding = (\d+)M$/;

/** The first call's figures, read from the table; a row that does not say them is a defect of the data. */
export function firstCallFigures(rows: readonly CsvRecord[]): FirstCallFigures {
  const file = DEMO_FILES.fundingCalls;
  const call = rows.find((r) => /\(1st call\b/.test(r.fields.call));
  const notFinanced = rows.find((r) => /not financed \(1st call\)/i.test(r.fields.call));
  if (!call || !notFinanced) throw new Error(`${file}: no row of the 1st call, or of its proposals not financed`);
  const money = FUNDING.exec(call.fields.funding_usd);
  if (!money) {
    throw new Error(
      `${file} line ${call.line}: funding_usd "${call.fields.funding_usd}" is not "<n>M fund + <n>M co-funding = <n>M"`,
    );
  }
  const [fromFund, coFunding, total] = money.slice(1).map((m) => new Decimal(m).times(1_000_000));
  if (!fromFund.plus(coFunding).equals(total))
    throw new Error(`${file} line ${call.line}: the funding does not add up`);
  return {
    title: call.fields.call,
    funded: integer(file, call, 'jp_count'),
    notFunded: integer(file, notFinanced, 'jp_count'),
    countries: integer(file, call, 'countries'),
    fromFund,
    coFunding,
    row: call,
  };
}

/**
 * The JP table's reading of a row's funding columns: whether the demo's joint programme names the
 * Joint SDG Fund as a funding source (stated, or inferred from Box 12's context).
 */
export function isJointSdgFundProgramme(row: JointProgrammeRow): boolean {
  if (isNotStated(row.funding_source)) return /^inferred/i.test(row.joint_sdg_fund_status);
  return splitOutsideParentheses(row.funding_source, /;/).some((source) => /sdg (fund|programme)/i.test(source));
}

/** A proposal to the first call, before its amounts are shared out. */
interface CallProposal {
  label: string;
  key: string;
  title: string;
  applicants: Applicant[];
  countries: string[];
  policyAreas: PolicyArea[];
  jointProgrammeId: string | null;
  start: string;
  end: string;
  inferred: string[];
  leftOut: string[];
  /** The joint programme as its read model has it (lead, countries), for an allocation to it. */
  jointProgramme?: { id: string; code: string; lead: string | null; countries: string[] };
}

const NONE: ResolvedNames = { codes: [], unresolved: [] };

/** The lead and agencies a programme row names, as the JP table reads them. */
function namedAgencies(ctx: PlanContext, row: JointProgrammeRow) {
  const leads = isNotStated(row.lead_agency) ? NONE : ctx.names.resolve(row.lead_agency);
  const others = isNotStated(row.participating_agencies) ? NONE : ctx.names.resolve(row.participating_agencies);
  const lead = leads.codes.length === 1 ? leads.codes[0] : null;
  return {
    lead,
    codes: [...new Set([...(lead ? [lead] : []), ...others.codes, ...leads.codes])],
    unresolved: [...leads.unresolved, ...others.unresolved],
  };
}

/** The organisations the rows name most often, most first (ties alphabetically). */
function mostNamed(named: readonly string[][], count: number): string[] {
  const tally = new Map<string, number>();
  for (const code of named.flat()) tally.set(code, (tally.get(code) ?? 0) + 1);
  return [...tally.entries()]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, count)
    .map(([code]) => code);
}

const asApplicants = (codes: readonly string[]): Applicant[] =>
  codes.map((organisation, i) => ({ organisation, role: i === 0 ? 'LEAD' : 'CO_APPLICANT' }));

/** A real joint programme of the portfolio as the proposal it was. */
function programmeProposal(
  ctx: PlanContext,
  row: JointProgrammeRow,
  countries: string[],
  mostNamedAgencies: string[],
): CallProposal {
  const agencies = namedAgencies(ctx, row);
  const added = mostNamedAgencies.filter((code) => !agencies.codes.includes(code)).slice(0, 2 - agencies.codes.length);
  const codes = [...agencies.codes, ...added];
  const more = MORE_COUNTRIES[row.id];
  const proposed = [...countries, ...(more?.codes ?? [])];
  const period = programmePeriod(row.period);
  const focusAreas = policyAreasIn(row.focus);
  const policyAreas: PolicyArea[] = [...new Set<PolicyArea>(['LNOB_INCLUSION', ...focusAreas])];
  return {
    label: `1st call: ${row.id}`,
    key: row.id,
    title: `Integrated social protection and LNOB in ${countryNames(proposed)} (${row.id})`,
    applicants: asApplicants(codes),
    countries: proposed,
    policyAreas,
    jointProgrammeId: demoStreamId(jointProgrammeStream(row.id)),
    start: period.start,
    end: period.end,
    inferred: [
      `the proposal that became joint programme ${row.id} (${DEMO_FILES.jointProgrammes}), funded by this call: the documents name the programme, not its proposal`,
      ...applicantNotes(agencies, added, mostNamedAgencies),
      ...(more ? [more.why] : []),
      ...(focusAreas.length ? [`policy areas ${focusAreas.join(', ')} read from the programme's focus`] : []),
      ...(focusAreas.includes('LNOB_INCLUSION') ? [] : ["policy area LNOB_INCLUSION from the call's theme"]),
      ...period.inferred,
    ],
    leftOut: agencies.unresolved,
    jointProgramme: { id: demoStreamId(jointProgrammeStream(row.id)), code: row.id, lead: agencies.lead, countries },
  };
}

/** What the applicants owe to inference: a lead where none is stated, agencies where too few are. */
function applicantNotes(
  agencies: { lead: string | null; codes: string[] },
  added: string[],
  mostNamedAgencies: string[],
): string[] {
  const why = `the call takes joint proposals; ${mostNamedAgencies.join(' and ')} are the agencies the Fund's programmes in the table name most`;
  if (!agencies.codes.length)
    return [`applicants ${added.join(', ')}, led by ${added[0]}: the document names no agency; ${why}`];
  return [
    ...(agencies.lead ? [] : [`lead ${agencies.codes[0]}, the first agency named: the document names no single lead`]),
    ...(added.length
      ? [`co-applicant ${added.join(', ')}: the document names ${agencies.codes.join(', ')} only; ${why}`]
      : []),
  ];
}

/** The programme's period where the row gives nothing but dates; else the portfolio's, 2020–2022. */
function programmePeriod(text: string): { start: string; end: string; inferred: string[] } {
  const span = text.includes('(') ? undefined : periodSpanOf(text.trim());
  if (span) {
    const widened = span.widened ? [`period ${span.start} to ${span.end} from "${text}"`] : [];
    return { start: span.start, end: span.end, inferred: widened };
  }
  const note = `period ${PORTFOLIO_PERIOD.start} to ${PORTFOLIO_PERIOD.end}: the portfolio's programmes were launched in 2020 and end in late 2022 (doc 000 l.1256–1258)`;
  return { ...PORTFOLIO_PERIOD, inferred: [note] };
}

/** A proposal the documents only count: "Proposal N (inferred)". */
function syntheticProposal(n: number, countries: string[], funded: boolean, figures: FirstCallFigures): CallProposal {
  const applicants = [0, 3, ...(n % 3 === 0 ? [5] : [])].map((offset) => AGENCIES[(n + offset) % AGENCIES.length]);
  const label = `Proposal ${n} (inferred)`;
  const counted = funded
    ? `one of the ${figures.funded} funded`
    : `one of the ${figures.notFunded} not financed (l.1264)`;
  return {
    label: `1st call: ${label}`,
    key: `proposal-${n}`,
    title: `${label}: integrated social protection and LNOB in ${countryNames(countries)}`,
    applicants: asApplicants(applicants),
    countries,
    policyAreas: ['LNOB_INCLUSION', OTHER_AREAS[n % OTHER_AREAS.length]],
    jointProgrammeId: null,
    ...PORTFOLIO_PERIOD,
    inferred: [
      `synthetic: ${counted} of the ${figures.funded + figures.notFunded} proposals (doc 000 l.1692), which the documents do not name; its title, applicants, countries, policy areas and period are invented`,
      ...(countries.length > 1
        ? [
            `${countries.length} countries: the ${figures.funded} funded proposals cover ${figures.countries} countries (l.1692), and the Fund financed six small island States in 2020 (l.795)`,
          ]
        : []),
    ],
    leftOut: [],
  };
}

/**
 * seed000_joint_sdg_fund_calls.csv: the Joint SDG Fund (managed by the MPTF Office), its first call
 * (Social Protection and LNOB, March 2019) and the proposals it received: the demo's joint
 * programmes that name the Fund as funded proposals with their agencies and countries, synthetic
 * proposals for the other funded ones and for the 79 not financed; amounts shared out so they add
 * up to the call's totals exactly. Then the call is closed, and the Fund's allocation to one of
 * the programmes is recorded as a contribution with an outgoing commitment and a disbursement.
 */
export function planJointSdgFund(
  ctx: PlanContext,
  callRows: readonly CsvRecord[],
  programmeRows: readonly CsvRecord[],
): DemoTable {
  const figures = firstCallFigures(callRows);
  const fundId = demoStreamId(fundStream(JOINT_SDG_FUND));
  const fund = {
    code: JOINT_SDG_FUND,
    name: 'Joint SDG Fund',
    kind: 'POOLED_FUND' as const,
    managingOrganisation: 'UNMPTFO',
    contributors: [],
    windows: JOINT_SDG_FUND_WINDOWS,
    target: null,
    start: null,
    end: null,
  };
  const fundRecord: DemoRecord = {
    label: 'Joint SDG Fund',
    steps: [demoStep(fundAggregate, fundStream(JOINT_SDG_FUND), 'establish', { type: 'EstablishFund', data: fund })],
    inferred: [
      'managed by the MPTF Office (UNMPTFO), the UN pooled-fund administrator of doc 002 l.547; doc 000 names no manager',
      'windows SP_LNOB, SDG_FINANCING and SIDS: one per call of doc 000 l.1256',
    ],
    leftOut: [],
  };

  // The call, with the facts the call handler would read from the funds' read model: this plan's fund.
  const opened = spanOf(figures.title);
  if (!opened) throw new Error(`${DEMO_FILES.fundingCalls} line ${figures.row.line}: the call's title gives no month`);
  const call = {
    title: figures.title,
    theme: JOINT_SDG_FUND_WINDOWS[0].title,
    opensOn: opened.start,
    closesOn: FIRST_CALL_CLOSES_ON,
    eligibility: { jointOnly: true, notes: 'Joint concept notes of UN country teams (doc 000 l.1692)' },
  };
  const callStream = { kind: 'call', key: `${JOINT_SDG_FUND}:1` };
  const callId = demoStreamId(callStream);
  const fundFacts = {
    id: fundId,
    code: fund.code,
    status: 'ACTIVE',
    managingOrganisation: fund.managingOrganisation,
    windows: fund.windows.map((w) => w.code),
  };
  const callRecord: DemoRecord = {
    label: figures.title,
    steps: [
      demoStep(callAggregate, callStream, 'announce', {
        type: 'AnnounceCall',
        data: { ...call, fundId, window: 'SP_LNOB', fund: fundFacts },
      }),
    ],
    inferred: [
      `opens on ${call.opensOn}: the document says March 2019 (l.1692)`,
      `closes on ${call.closesOn}: the documents do not say when`,
      'joint proposals only: the call sought joint programmes of UN country teams',
    ],
    leftOut: [],
  };
  // The call as the proposal handler would read it from the calls' read model, while it took applications.
  const callFacts = {
    id: callId,
    fundCode: fund.code,
    status: 'ANNOUNCED',
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    jointOnly: call.eligibility.jointOnly,
    countries: [],
  };

  const { funded, rejected, skipped } = callProposals(ctx, figures, programmeRows);
  const awards = fundAwards(figures, funded);
  const coFunding = apportion(
    figures.coFunding,
    funded.map((_, k) => 4 + ((k * 3) % 7)),
    AMOUNT_UNIT,
  );
  const all = [...funded, ...rejected];
  const callDays = daysBetween(call.opensOn, call.closesOn) + 1;
  const submittedOn = (i: number) => plusDays(call.opensOn, Math.floor((i * callDays) / all.length));
  const reason = `Not among the ${figures.funded} proposals of the highest quality developed into joint programmes (doc 000 l.1692): one of the ${figures.notFunded} country proposals that could not be financed (l.1264)`;

  const proposalRecords = all.map((proposal, i): DemoRecord => {
    const isFunded = i < funded.length;
    const requested = isFunded ? usd(awards[i]) : usd(1_000_000 + ((i * 7) % 9) * 250_000);
    const cofunded = isFunded ? usd(coFunding[i]) : null;
    const stream = { kind: 'proposal', key: `${JOINT_SDG_FUND}:1:${proposal.key}` };
    const { title, applicants, countries, policyAreas, jointProgrammeId, start, end } = proposal;
    const on = submittedOn(i);
    const steps = [
      demoStep(proposalAggregate, stream, 'draft', {
        type: 'DraftProposal',
        data: {
          title,
          applicants,
          callId,
          countries,
          policyAreas,
          guarantees: [],
          requested,
          coFunding: cofunded,
          jointProgrammeId,
          start,
          end,
          call: callFacts,
        },
      }),
      demoStep(proposalAggregate, stream, 'submit', { type: 'SubmitProposal', data: { call: callFacts, on } }),
      isFunded
        ? demoStep(proposalAggregate, stream, 'fund', {
            type: 'FundProposal',
            data: { amount: requested, on: AWARDED_ON },
          })
        : demoStep(proposalAggregate, stream, 'reject', {
            type: 'RejectProposal',
            data: { reason, on: NOT_SELECTED_ON },
          }),
    ];
    const amounts = isFunded
      ? `requested and awarded ${shown(requested.amount)}, co-funding ${shown(cofunded!.amount)}: the documents give the portfolio's totals only (${shown(figures.fromFund)} from the Fund, ${shown(figures.coFunding)} co-funding, l.1692), shared out by a fixed weighting`
      : `requested ${shown(requested.amount)}: the documents give no amount`;
    const decided = isFunded ? `funded on ${AWARDED_ON}` : `not selected on ${NOT_SELECTED_ON}`;
    return {
      label: proposal.label,
      steps,
      inferred: [...proposal.inferred, amounts, `submitted on ${on}, ${decided}: the documents give no dates`],
      leftOut: proposal.leftOut,
    };
  });

  const closeRecord: DemoRecord = {
    label: `${figures.title}: closed`,
    steps: [demoStep(callAggregate, callStream, 'close', { type: 'CloseCall', data: { on: call.closesOn } })],
    inferred: [`closed on ${call.closesOn}: the documents do not say when`],
    leftOut: [],
  };

  const allocated = allocatedProposal(funded);
  return {
    name: 'Joint SDG Fund',
    source: DEMO_FILES.fundingCalls,
    records: [
      fundRecord,
      callRecord,
      ...skipped,
      ...proposalRecords,
      closeRecord,
      ...(allocated < 0 ? [] : [allocationRecord(funded[allocated], awards[allocated])]),
    ],
  };
}

/** What the Fund awarded each funded proposal: its total shared out by a fixed weighting, more for more countries. */
function fundAwards(figures: FirstCallFigures, funded: readonly CallProposal[]): Decimal[] {
  return apportion(
    figures.fromFund,
    funded.map((p, k) => 8 + ((k * 7) % 5) + 3 * (p.countries.length - 1)),
    AMOUNT_UNIT,
  );
}

/** The funded proposal whose programme the Fund's allocation is recorded for: the first with a lead. */
const allocatedProposal = (funded: readonly CallProposal[]) => funded.findIndex((p) => p.jointProgramme?.lead);

/** The programme the Fund's allocation goes to and the award, for what its progress report spends. */
export function jointSdgFundAllocation(
  ctx: PlanContext,
  callRows: readonly CsvRecord[],
  programmeRows: readonly CsvRecord[],
): { code: string; award: Decimal } | undefined {
  const figures = firstCallFigures(callRows);
  const { funded } = callProposals(ctx, figures, programmeRows);
  const i = allocatedProposal(funded);
  return i < 0 ? undefined : { code: funded[i].jointProgramme!.code, award: fundAwards(figures, funded)[i] };
}

/**
 * The funded proposals (the demo's Fund programmes, then synthetic ones until there are as many
 * as the call funded, in as many countries as it says) and the synthetic ones it did not finance.
 */
function callProposals(
  ctx: PlanContext,
  figures: FirstCallFigures,
  programmeRows: readonly CsvRecord[],
): { funded: CallProposal[]; rejected: CallProposal[]; skipped: DemoRecord[] } {
  const rows = programmeRows.map(({ fields }) => fields as JointProgrammeRow).filter(isJointSdgFundProgramme);
  const skipped: DemoRecord[] = [];
  const located = rows.flatMap((row) => {
    const countries = countriesIn(row.country_or_scope).codes;
    if (countries.length) return [{ row, countries }];
    skipped.push(skippedRecord(`1st call: ${row.id}`, `"${row.country_or_scope}" names no country`));
    return [];
  });
  const agencies = mostNamed(
    located.map(({ row }) => namedAgencies(ctx, row).codes),
    2,
  );
  const programmes = located.map(({ row, countries }) => programmeProposal(ctx, row, countries, agencies));
  const used = new Set(programmes.flatMap((p) => p.countries));
  if (programmes.length > figures.funded || used.size > figures.countries) {
    throw new Error(`${programmes.length} Fund programmes in ${used.size} countries: more than the call funded`);
  }
  const pool = [...new Set([...SIX_SIDS, ...PROGRAMME_COUNTRIES, ...MORE_UNCT_COUNTRIES])].filter((c) => !used.has(c));
  const synthetic = figures.funded - programmes.length;
  // A few synthetic proposals cover two countries, so the funded ones cover as many as the call says.
  const pairs = figures.countries - used.size - synthetic;
  if (pairs < 0 || pairs > synthetic || pool.length < synthetic + pairs + figures.notFunded) {
    throw new Error(`cannot place ${synthetic} proposals in ${figures.countries - used.size} more countries`);
  }
  const take = (n: number) => pool.splice(0, n);
  const funded = [
    ...programmes,
    ...Array.from({ length: synthetic }, (_, k) =>
      syntheticProposal(programmes.length + k + 1, take(k < pairs ? 2 : 1), true, figures),
    ),
  ];
  const rejected = Array.from({ length: figures.notFunded }, (_, k) =>
    syntheticProposal(figures.funded + k + 1, take(1), false, figures),
  );
  return { funded, rejected, skipped };
}

/**
 * The Fund's allocation to a funded programme, as a contribution to the joint programme (its lead
 * and countries as the programmes' read model has them): committed and received, part of it
 * committed onwards and less than that disbursed, so a user can try an over-disbursement.
 */
function allocationRecord(proposal: CallProposal, award: Decimal): DemoRecord {
  const jp = proposal.jointProgramme!;
  const stream = { kind: 'contribution', key: `${JOINT_SDG_FUND}:1:${jp.code}` };
  const outgoing = award.times('0.6');
  const disbursed = award.times('0.4');
  const reference = `${jp.code}/2020/1`;
  const transaction = (
    type: 'INCOMING_COMMITMENT' | 'INCOMING_FUNDS' | 'OUTGOING_COMMITMENT' | 'DISBURSEMENT',
    amount: Decimal,
    valueDate: string,
    ref: string | null,
  ) =>
    demoStep(contributionAggregate, stream, type, {
      type: 'RecordTransaction',
      data: { type, amount: amount.toFixed(2), valueDate, reference: ref },
    });
  return {
    label: `1st call: allocation to ${jp.code}`,
    steps: [
      demoStep(contributionAggregate, stream, 'record', {
        type: 'RecordContribution',
        data: {
          title: `Joint SDG Fund allocation to ${jp.code} (1st call)`,
          donor: JOINT_SDG_FUND,
          recipient: { kind: 'JOINT_PROGRAMME', ref: jp.id },
          known: { organisation: jp.lead, countries: jp.countries },
          currency: USD,
          earmarking: 'PROJECT_SPECIFIC',
          modality: 'CASH',
        },
      }),
      transaction('INCOMING_COMMITMENT', award, AWARDED_ON, `${JOINT_SDG_FUND} 1st call`),
      transaction('INCOMING_FUNDS', award, '2020-02-28', `${JOINT_SDG_FUND} 1st call`),
      transaction('OUTGOING_COMMITMENT', outgoing, '2020-03-31', reference),
      transaction('DISBURSEMENT', disbursed, '2020-04-30', reference),
    ],
    inferred: [
      `the Fund's award of ${shown(award)} to ${jp.code}, committed on ${AWARDED_ON} and received on 2020-02-28; 60 % committed onwards and 40 % disbursed in 2020: the documents give no transactions`,
    ],
    leftOut: [],
  };
}

// ———————————————————————————————————— the Flagship Programme ————————————————————————————————————

export const FLAGSHIP_FUND = 'ILO_SPF_FLAGSHIP_2';
/** The partners whose ongoing projects mobilised the 75M, not itemised (organisations.csv). */
export const FLAGSHIP_PARTNERS = 'FLAGSHIP_PARTNERS';
/** Phase 2 is not dated in doc 002: it follows phase 1 (2016–2020) from the 2021 meeting. */
const PHASE_2 = { start: '2021-01-01', end: '2025-12-31' };

/** How each ledger line mobilised for phase 2 becomes a contribution to the programme. */
const LEDGER_CONTRIBUTIONS: Readonly<
  Record<
    string,
    {
      title: string;
      donor: string;
      earmarking: 'PROJECT_SPECIFIC' | 'THEMATIC';
      modality: 'CASH' | 'IN_KIND';
      inferred: string[];
    }
  >
> = {
  mobilized_through_ongoing_projects: {
    title: 'Flagship Programme phase 2: mobilised through ongoing projects',
    donor: FLAGSHIP_PARTNERS,
    earmarking: 'PROJECT_SPECIFIC',
    modality: 'CASH',
    inferred: [
      'donor FLAGSHIP_PARTNERS: the document does not itemise the partners of the ongoing projects',
      '"mobilized" recorded as an incoming commitment, earmarked to projects, valued on the first day of phase 2',
    ],
  },
  ilo_staff_contribution: {
    title: 'Flagship Programme phase 2: ILO staff supporting implementation',
    donor: 'ILO',
    earmarking: 'THEMATIC',
    modality: 'IN_KIND',
    inferred: [
      '"will support the Programme with 10 million USD, through staff" recorded as an in-kind incoming commitment, valued on the first day of phase 2',
    ],
  },
};

/**
 * seed002_phase2_funding_ledger.csv: the Flagship Programme's phase 2 as a global programme fund
 * with its budget as target, and what is mobilised for it as contributions (incoming
 * commitments). The ledger's funding gap is the oracle fundingOverview computes, not a record.
 */
export function planFlagshipFunding(ctx: PlanContext, rows: readonly CsvRecord[]): DemoTable {
  const file = DEMO_FILES.flagshipLedger;
  const phase2 = rows.filter((r) => r.fields.phase === '2');
  const line = (item: string) => {
    const found = phase2.find((r) => r.fields.line_item === item);
    if (!found) throw new Error(`${file}: no phase 2 line ${item}`);
    return found;
  };
  const budget = line('total_budget');
  const fund = {
    code: FLAGSHIP_FUND,
    name: `${budget.fields.programme}, phase 2`,
    kind: 'GLOBAL_PROGRAMME' as const,
    managingOrganisation: 'ILO',
    contributors: Object.values(LEDGER_CONTRIBUTIONS).map((c) => c.donor),
    windows: [],
    target: usd(budget.fields.amount_usd),
    ...PHASE_2,
  };
  const fundRecord: DemoRecord = {
    label: `${budget.fields.line_item} (line ${budget.line})`,
    steps: [demoStep(fundAggregate, fundStream(FLAGSHIP_FUND), 'establish', { type: 'EstablishFund', data: fund })],
    inferred: [
      `period ${PHASE_2.start} to ${PHASE_2.end}: doc 002 does not date phase 2; five years from 2021, the year of the partners' meeting that presents its strategy (l.32, l.358), as phase 1 ran about five years (since 2015, l.147)`,
    ],
    leftOut: [],
  };
  const contributions = Object.entries(LEDGER_CONTRIBUTIONS).map(([item, c]): DemoRecord => {
    const row = line(item);
    if (!ctx.organisations.has(c.donor)) throw new Error(`organisations.csv has no ${c.donor}`);
    const stream = { kind: 'contribution', key: `${FLAGSHIP_FUND}:${item}` };
    return {
      label: `${item} (line ${row.line})`,
      steps: [
        demoStep(contributionAggregate, stream, 'record', {
          type: 'RecordContribution',
          data: {
            title: c.title,
            donor: c.donor,
            recipient: { kind: 'FUND', ref: FLAGSHIP_FUND },
            known: { organisation: fund.managingOrganisation, countries: [] },
            currency: USD,
            earmarking: c.earmarking,
            modality: c.modality,
          },
        }),
        demoStep(contributionAggregate, stream, 'INCOMING_COMMITMENT', {
          type: 'RecordTransaction',
          data: {
            type: 'INCOMING_COMMITMENT',
            amount: usd(row.fields.amount_usd).amount,
            valueDate: PHASE_2.start,
            reference: `doc 002 l.${row.fields.source_line}`,
          },
        }),
      ],
      inferred: c.inferred,
      leftOut: [],
    };
  });
  return { name: 'Flagship phase 2 funding', source: file, records: [fundRecord, ...contributions] };
}

// ——————————————————————————————————————— competing proposals ———————————————————————————————————————

/** The fragmentation case the demo turns into two competing pitches. */
export const COMPETING_CASE = 'D1';
/** Germany looks forward to working with the ILO in phase 2 (doc 002 l.447): the donor both ask. */
export const COMPETING_DONOR = 'BMZ';
/** What each pitch asks, in the order the case names the actors: invented, overlapping. */
const PITCHES = [
  { area: 'DELIVERY_SYSTEMS', requested: 4_000_000, start: '2022-01-01', end: '2024-12-31', on: '2021-11-15' },
  { area: 'FINANCING', requested: 2_500_000, start: '2022-07-01', end: '2025-06-30', on: '2022-02-01' },
] as const;

/**
 * seed004_duplication_fragmentation_cases.csv, case D1: the World Bank and the ILO, each with its
 * own social protection diagnosis in Burkina Faso, as two single-agency proposals to the same
 * donor for the same country and area over overlapping dates, both submitted: the pair a
 * coordinator finds with competingProposals.
 */
export function planCompetingProposals(ctx: PlanContext, rows: readonly CsvRecord[]): DemoTable {
  const table = { name: 'competing proposals', source: DEMO_FILES.fragmentation };
  const found = rows.find((r) => r.fields.case_id === COMPETING_CASE);
  if (!found) return { ...table, records: [skippedRecord(COMPETING_CASE, 'no such case in the table')] };
  const { fields } = found;
  const countries = countriesIn(fields.country).codes;
  const actors = ctx.names.resolve(fields.actors);
  if (!countries.length || actors.codes.length !== PITCHES.length) {
    return {
      ...table,
      records: [skippedRecord(COMPETING_CASE, `"${fields.actors}" in "${fields.country}" is not a pair`)],
    };
  }
  const records = actors.codes.map((organisation, i): DemoRecord => {
    const pitch = PITCHES[i];
    const name = ctx.organisations.get(organisation)?.name ?? organisation;
    const stream = { kind: 'proposal', key: `${COMPETING_CASE}:${organisation}` };
    return {
      label: `${COMPETING_CASE}: ${organisation}`,
      steps: [
        demoStep(proposalAggregate, stream, 'draft', {
          type: 'DraftProposal',
          data: {
            title: `${name}: social protection diagnosis and cash transfers in ${countryNames(countries)} (inferred)`,
            applicants: [{ organisation, role: 'LEAD' }],
            donor: COMPETING_DONOR,
            countries,
            policyAreas: ['LNOB_INCLUSION', pitch.area],
            guarantees: ['WORKING_AGE'],
            requested: usd(pitch.requested),
            start: pitch.start,
            end: pitch.end,
          },
        }),
        demoStep(proposalAggregate, stream, 'submit', { type: 'SubmitProposal', data: { on: pitch.on } }),
      ],
      inferred: [
        `a pitch of case ${COMPETING_CASE} (doc 004 l.${fields.source_line}, report ${fields.report}): "${fields.description}"; the donor (${COMPETING_DONOR}), amount, policy areas, guarantee and dates are invented to show competing proposals`,
      ],
      leftOut: [],
    };
  });
  return { ...table, records };
}
