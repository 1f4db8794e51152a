import {
  activityAggregate,
  jointProgrammeAggregate,
  type ActivityCommand,
  type JointProgrammeCommand,
  type Participant,
} from '@concord/programming';
import { countryByCode, listCountries, listVocabulary, type VocabularyName } from '@concord/reference';
import { demoStep, demoStreamId, type DemoStep } from '../demo-plan';
import { PROGRAMME_COUNTRIES, SYNTHETIC_WEIGHTS, type Weighted } from './synthetic-weights';

/**
 * Synthetic joint programmes and activities at scale, for benchmarks. They are produced one at a
 * time by a generator, so a million activities never sit in memory; and from a seeded random
 * sequence, so the same options give the same commands (with the same ids: generating again
 * appends nothing, and generating more only adds the new ones).
 */
export interface SyntheticOptions {
  countries: number;
  activities: number;
  seed: number;
}

/** One activity in this many is preceded by a new joint programme; about a third link to one. */
const ACTIVITIES_PER_PROGRAMME = 40;
const LINKED_SHARE = 0.3;
/** Statuses are set as they would stand on this day, so a re-run gives the same data. */
const AS_OF = '2025-06-30';

/** The countries of a run: the programme countries most active first, then the rest of the list. */
export function syntheticCountries(count: number): string[] {
  const rest = listCountries()
    .map((c) => c.code)
    .filter((code) => !PROGRAMME_COUNTRIES.includes(code));
  const all = [...PROGRAMME_COUNTRIES, ...rest];
  if (!Number.isInteger(count) || count < 1 || count > all.length) {
    throw new Error(`--countries must be a whole number from 1 to ${all.length}, not ${count}`);
  }
  return all.slice(0, count);
}

/** mulberry32: small, fast and good enough to spread synthetic data; seeded, so repeatable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Draw {
  constructor(private readonly random: () => number) {}

  chance = (p: number) => this.random() < p;
  between = (min: number, max: number) => min + Math.floor(this.random() * (max - min + 1));

  pick<T>(choices: Weighted<T>): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let point = this.random() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** `min`–`max` different values, more common ones more often. */
  some<T>(choices: Weighted<T>, min: number, max: number): T[] {
    const wanted = Math.min(this.between(min, max), choices.length);
    const picked: T[] = [];
    while (picked.length < wanted) {
      const value = this.pick(choices.filter(([v]) => !picked.includes(v)));
      picked.push(value);
    }
    return picked;
  }
}

interface Period {
  start: string;
  end: string;
}

interface Programme {
  id: string;
  country: string;
  agencies: string[];
  period: Period;
}

/** The first and the last day of a month; months past 12 roll into the next years. */
const day = (date: Date) => date.toISOString().slice(0, 10);
const monthStart = (year: number, month: number) => day(new Date(Date.UTC(year, month - 1, 1)));
const monthEnd = (year: number, month: number) => day(new Date(Date.UTC(year, month, 0)));

const label = (vocabulary: VocabularyName, code: string) =>
  listVocabulary(vocabulary).find((e) => e.code === code)?.label.en ?? code;
const countryName = (code: string) => (countryByCode(code)?.name.en ?? code).replace(/ \(the\)$/, '');

/** `months` long from a month; cut at `until` (a programme's end) when given. */
function periodFrom(year: number, month: number, months: number, until?: string): Period {
  const end = monthEnd(year, month + months - 1);
  return { start: monthStart(year, month), end: until !== undefined && until < end ? until : end };
}

/** 6 months to 4 years starting 2016–2026; or 6–24 months starting in the first half year of `within`. */
function periodOf(draw: Draw, within?: Period): Period {
  if (!within) return periodFrom(draw.between(2016, 2026), draw.between(1, 12), draw.between(6, 48));
  const [year, month] = within.start.split('-').map(Number);
  return periodFrom(year, month + draw.between(0, 5), draw.between(6, 24), within.end);
}

function statusOf(draw: Draw, { start, end }: Period): string {
  if (draw.chance(0.02)) return 'CANCELLED';
  if (start > AS_OF) return 'PIPELINE';
  if (end < AS_OF) return draw.chance(0.85) ? 'CLOSED' : 'FINALISATION';
  return draw.chance(0.05) ? 'SUSPENDED' : 'IMPLEMENTATION';
}

/** One line a year in USD: required around US$150,000, available 50–100 % of it, spent in the past. */
function budgetOf(draw: Draw, { start, end }: Period) {
  const [first, last] = [Number(start.slice(0, 4)), Number(end.slice(0, 4))];
  const asOfYear = Number(AS_OF.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    const required = Math.round(Math.exp(11.9 + (draw.between(0, 200) - 100) / 100));
    const available = Math.round(required * (0.5 + draw.between(0, 50) / 100));
    const spentShare = year < asOfYear ? 0.6 + draw.between(0, 40) / 100 : year === asOfYear ? 0.4 : 0;
    return {
      year,
      currency: 'USD',
      required: required.toFixed(2),
      available: available.toFixed(2),
      spent: Math.round(available * spentShare).toFixed(2),
    };
  });
}

/** Whole-number shares summing to 100, the lead's the largest. */
function sharesOf(count: number): string[] {
  const others = Math.floor(60 / (count - 1));
  return [String(100 - others * (count - 1)), ...Array.from({ length: count - 1 }, () => String(others))];
}

const SUBMIT: JointProgrammeCommand = { type: 'SubmitJointProgramme', data: {} };
const APPROVE: JointProgrammeCommand = { type: 'ApproveJointProgramme', data: {} };
const ACTIVATE: JointProgrammeCommand = { type: 'ActivateJointProgramme', data: {} };
const CLOSE: JointProgrammeCommand = { type: 'CloseJointProgrammeOperationally', data: {} };

/** Where programmes stand (concept, submitted, approved, active, closed) as the commands that lead there. */
const PATHS: Weighted<JointProgrammeCommand[]> = [
  [[], 15],
  [[SUBMIT], 5],
  [[SUBMIT, APPROVE], 10],
  [[SUBMIT, APPROVE, ACTIVATE], 55],
  [[SUBMIT, APPROVE, ACTIVATE, CLOSE], 15],
];

function programmeUnit(
  draw: Draw,
  key: string,
  code: string,
  country: string,
): { steps: DemoStep[]; programme: Programme } {
  const stream = { kind: 'synthetic-joint-programme', key };
  const agencies = draw.some(SYNTHETIC_WEIGHTS.agencies, 2, 4);
  const shares = sharesOf(agencies.length);
  const period = periodFrom(draw.between(2017, 2025), draw.between(1, 12), draw.between(24, 48));
  const policyAreas = draw.some(SYNTHETIC_WEIGHTS.policyAreas, 1, 2);
  const draft = demoStep(jointProgrammeAggregate, stream, 'draft', {
    type: 'DraftJointProgramme',
    data: {
      code,
      title: `Joint programme on ${label('policyAreas', policyAreas[0]).toLowerCase()} in ${countryName(country)}`,
      countries: [country],
      participants: agencies.map((organisation, i): Participant => ({
        organisation,
        role: i === 0 ? 'LEAD' : 'PARTICIPATING',
        budgetShare: shares[i],
      })),
      fundingSources: [draw.pick(SYNTHETIC_WEIGHTS.funds)],
      startDate: period.start,
      endDate: period.end,
      policyAreas,
      targetGroups: draw.some(SYNTHETIC_WEIGHTS.targetGroups, 1, 3),
      genderMarker: draw.between(0, 3),
    },
  });
  const transitions = draw
    .pick(PATHS)
    .map((command) => demoStep(jointProgrammeAggregate, stream, command.type, command));
  return { steps: [draft, ...transitions], programme: { id: demoStreamId(stream), country, agencies, period } };
}

function activityUnit(draw: Draw, key: string, country: string, programme?: Programme): DemoStep[] {
  const lead = programme ? programme.agencies[0] : draw.pick(SYNTHETIC_WEIGHTS.agencies);
  const fn = draw.pick(SYNTHETIC_WEIGHTS.functions);
  const group = draw.pick(SYNTHETIC_WEIGHTS.targetGroups);
  const policyAreas = draw.some(SYNTHETIC_WEIGHTS.policyAreas, 1, 2);
  const period = periodOf(draw, programme?.period);
  const implementing = (programme?.agencies ?? draw.some(SYNTHETIC_WEIGHTS.agencies, 0, 2)).filter((o) => o !== lead);
  const funder = draw.chance(0.4) ? [draw.pick(SYNTHETIC_WEIGHTS.donors)] : [];
  const command: ActivityCommand = {
    type: 'RegisterActivity',
    data: {
      titles: {
        en: `${label('functions', fn)} for ${label('targetGroups', group).toLowerCase()} in ${countryName(country)}`,
      },
      descriptions: { en: `Synthetic activity ${key}, generated for benchmarks.` },
      organisation: lead,
      partners: [
        ...implementing.map((organisation) => ({ organisation, role: 'IMPLEMENTING' })),
        ...funder.map((organisation) => ({ organisation, role: 'FUNDING' })),
      ],
      country,
      policyAreas,
      guarantees: draw.some(SYNTHETIC_WEIGHTS.guarantees, 0, 2),
      stages: draw.some(SYNTHETIC_WEIGHTS.stages, 1, 2),
      functions: [fn],
      targetGroups: [group, ...draw.some(SYNTHETIC_WEIGHTS.targetGroups, 0, 1).filter((g) => g !== group)],
      start: period.start,
      end: period.end,
      status: statusOf(draw, period),
      budget: budgetOf(draw, period),
      fundingSources: funder,
      jointProgrammeId: programme?.id ?? null,
      jointProgrammePeriod: programme?.period,
      genderMarker: draw.between(0, 3),
      externalIds: [{ system: 'CONCORD_SYNTHETIC', id: key }],
      source: 'CSV',
    },
  };
  return [demoStep(activityAggregate, { kind: 'synthetic-activity', key }, 'register', command)];
}

/**
 * The commands of a run as units: each unit's steps go to one stream and must run in order; units
 * are independent of each other. A joint programme comes first in each block of activities, and
 * some of the block's activities (in its country, within its period) link to it.
 */
export function* syntheticUnits(options: SyntheticOptions): Generator<DemoStep[]> {
  const { countries: count, activities, seed } = options;
  const countries = syntheticCountries(count);
  const countryWeights: Weighted<string> = countries.map((code, rank) => [code, 1 / (rank + 1) ** 0.8]);
  // The run's key: a different country count gives different data, so it gets other streams.
  const run = `${seed}:${count}`;
  const draw = new Draw(seededRandom(seed * 1_000_003 + count));
  let programme: Programme | undefined;
  for (let i = 0; i < activities; i++) {
    if (i % ACTIVITIES_PER_PROGRAMME === 0) {
      const block = i / ACTIVITIES_PER_PROGRAMME;
      const unit = programmeUnit(draw, `${run}:${block}`, `SYN-${seed}-${count}-${block}`, draw.pick(countryWeights));
      programme = unit.programme;
      yield unit.steps;
    }
    const linked = draw.chance(LINKED_SHARE) ? programme : undefined;
    yield activityUnit(draw, `${run}:${i}`, linked?.country ?? draw.pick(countryWeights), linked);
  }
}

/** How many joint programmes a run of `activities` activities has. */
export const syntheticProgrammeCount = (activities: number) => Math.ceil(activities / ACTIVITIES_PER_PROGRAMME);
