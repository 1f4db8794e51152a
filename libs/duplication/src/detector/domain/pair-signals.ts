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
  areas: number | null;
  targetGroups: number | null;
  guarantees: number | null;
  policyAreas: number | null;
  functions: number | null;
  counterparts: number | null;
}

const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const fold = (text: string) =>
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
    startDay: day(profile.start),
    endDay: day(profile.end),
  };
}

/** Jaccard of two code lists; null (unknown) when either says nothing. */
function overlap(a: Iterable<string>, b: Iterable<string>): number | null {
  const left = new Set(a);
  const right = new Set(b);
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

const hasCommon = (a: Set<string>, b: Set<string>) => [...a].some((value) => b.has(value));

export function pairSignals(a: PreparedProfile, b: PreparedProfile, weight: (word: string) => number): PairSignals {
  const [p, q] = [a.profile, b.profile];
  const shorter = Math.max(1, Math.min(a.endDay - a.startDay, b.endDay - b.startDay));
  return {
    title: weightedOverlap(a.titleWords, b.titleWords, weight),
    text: weightedOverlap(a.words, b.words, weight),
    startDays: Math.abs(a.startDay - b.startDay),
    endDays: Math.abs(a.endDay - b.endDay),
    periodOverlap: (Math.min(a.endDay, b.endDay) - Math.max(a.startDay, b.startDay)) / shorter,
    sameBudget:
      p.budget !== null &&
      q.budget !== null &&
      p.budget.currency === q.budget.currency &&
      new Decimal(p.budget.amount).equals(q.budget.amount),
    sameLead: p.organisation === q.organisation,
    organisationInCommon: hasCommon(a.organisations, b.organisations),
    sameJointProgramme: p.jointProgramme !== null && p.jointProgramme === q.jointProgramme,
    areas: overlap(a.areas, b.areas),
    targetGroups: overlap(p.targetGroups, q.targetGroups),
    guarantees: overlap(p.guarantees, q.guarantees),
    policyAreas: overlap(p.policyAreas, q.policyAreas),
    functions: overlap(p.functions, q.functions),
    counterparts: overlap(p.counterparts.map(fold), q.counterparts.map(fold)),
  };
}
