import { Decimal } from 'decimal.js';
import type { ActivityProfile } from './activity-profile';
import { textTokens } from './text-tokens';

/** A profile with what comparing it needs computed once: word sets and day numbers. */
export interface PreparedProfile {
  profile: ActivityProfile;
  titleWords: Set<string>;
  words: Set<string>;
  areas: Set<string>;
  organisations: Set<string>;
  targetGroups: Set<string>;
  guarantees: Set<string>;
  policyAreas: Set<string>;
  functions: Set<string>;
  counterparts: Set<string>;
  /** Currency and amount, normalised ("USD 250000"), or null. */
  budget: string | null;
  startDay: number;
  endDay: number;
}

/** How alike two activities are, each figure between 0 and 1 (null: unknown on one side). */
export interface PairSignals {
  title: number;
  text: number;
  /** Days between the starts, and between the ends. */
  startDays: number;
  endDays: number;
  /** Overlap as a share of the shorter period; negative periods do not overlap. */
  periodOverlap: number;
  sameBudget: boolean;
  sameLead: boolean;
  /** An organisation in common, lead or partner. */
  organisationInCommon: boolean;
  sameJointProgramme: boolean;
  /** A coordination body in the country recorded a division of labour between the two leads. */
  divisionOfLabour: boolean;
  areas: number | null;
  targetGroups: number | null;
  guarantees: number | null;
  policyAreas: number | null;
  functions: number | null;
  counterparts: number | null;
}

/** Days since 1970 of an ISO date. */
export const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
/** Accents and case folded away: how places and counterparts are compared. */
export const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

export function prepare(profile: ActivityProfile): PreparedProfile {
  const titleWords = new Set(profile.titles.flatMap(textTokens));
  return {
    profile,
    titleWords,
    words: new Set([...titleWords, ...profile.descriptions.flatMap(textTokens)]),
    areas: new Set(profile.areas.map(fold)),
    organisations: new Set([profile.organisation, ...profile.partners]),
    targetGroups: new Set(profile.targetGroups),
    guarantees: new Set(profile.guarantees),
    policyAreas: new Set(profile.policyAreas),
    functions: new Set(profile.functions),
    counterparts: new Set(profile.counterparts.map(fold)),
    budget: profile.budget && `${profile.budget.currency} ${new Decimal(profile.budget.amount).toString()}`,
    startDay: day(profile.start),
    endDay: day(profile.end),
  };
}

/** Jaccard of two code sets; null (unknown) when either says nothing. */
function overlap(left: Set<string>, right: Set<string>): number | null {
  if (left.size === 0 || right.size === 0) return null;
  let common = 0;
  for (const value of left) if (right.has(value)) common++;
  return common / (left.size + right.size - common);
}

/**
 * Words in common weighted by how rare they are (inverse document frequency), so "cash" counts
 * for less than "DTKS"; 0 when either side has no words.
 */
function weightedOverlap(a: Set<string>, b: Set<string>, weight: (word: string) => number): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  let all = 0;
  for (const word of a) {
    const w = weight(word);
    all += w;
    if (b.has(word)) common += w;
  }
  for (const word of b) if (!a.has(word)) all += weight(word);
  return all > 0 ? common / all : 0;
}

/** What comparing two activities needs to know of the others. */
export interface Corpus {
  /** How much a word in common counts: rare words more (inverse document frequency). */
  weight: (word: string) => number;
  /** Whether a coordination body in the country recorded a division of labour between two organisations. */
  dividedLabour: (country: string, a: string, b: string) => boolean;
}

const hasCommon = (a: Set<string>, b: Set<string>) => {
  for (const value of a) if (b.has(value)) return true;
  return false;
};

/** Both name some, and none is the same. */
const disjoint = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && !hasCommon(a, b);

/**
 * The gates every kind shares (pair-scoring.ts), on the prepared profiles, before any signal is
 * computed: most candidates in a crowded country fail them, and cost no more than this.
 */
export const mayBeAlike = (
  a: Pick<PreparedProfile, 'areas' | 'functions'>,
  b: Pick<PreparedProfile, 'areas' | 'functions'>,
) => !disjoint(a.areas, b.areas) && !disjoint(a.functions, b.functions);

/**
 * The signals of a pair. Text similarity is the costly one, so `title` and `text` are computed
 * when first read: the scoring reads them only for pairs that pass the cheap gates.
 */
export function pairSignals(a: PreparedProfile, b: PreparedProfile, { weight, dividedLabour }: Corpus): PairSignals {
  const [p, q] = [a.profile, b.profile];
  const shorter = Math.max(1, Math.min(a.endDay - a.startDay, b.endDay - b.startDay));
  let title: number | undefined;
  let text: number | undefined;
  return {
    get title() {
      return (title ??= weightedOverlap(a.titleWords, b.titleWords, weight));
    },
    get text() {
      return (text ??= weightedOverlap(a.words, b.words, weight));
    },
    startDays: Math.abs(a.startDay - b.startDay),
    endDays: Math.abs(a.endDay - b.endDay),
    periodOverlap: (Math.min(a.endDay, b.endDay) - Math.max(a.startDay, b.startDay)) / shorter,
    sameBudget: a.budget !== null && a.budget === b.budget,
    sameLead: p.organisation === q.organisation,
    organisationInCommon: hasCommon(a.organisations, b.organisations),
    sameJointProgramme: p.jointProgramme !== null && p.jointProgramme === q.jointProgramme,
    divisionOfLabour: p.country === q.country && dividedLabour(p.country, p.organisation, q.organisation),
    areas: overlap(a.areas, b.areas),
    targetGroups: overlap(a.targetGroups, b.targetGroups),
    guarantees: overlap(a.guarantees, b.guarantees),
    policyAreas: overlap(a.policyAreas, b.policyAreas),
    functions: overlap(a.functions, b.functions),
    counterparts: overlap(a.counterparts, b.counterparts),
  };
}
