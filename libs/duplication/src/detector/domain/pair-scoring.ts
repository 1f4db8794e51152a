import { DETECTOR_CONFIG, type DetectorConfig } from './detector.config';
import type { PairSignals } from './pair-signals';

export type DuplicationKind = 'DUPLICATE_RECORD' | 'OVERLAPPING_EFFORT';

/** One reason a pair is flagged: what was seen, in a coordinator's words, and its weight in the score. */
export interface Contribution {
  signal: string;
  says: string;
  points: number;
}

export interface Verdict {
  kind: DuplicationKind;
  score: number;
  contributions: Contribution[];
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const known = (value: number | null, unknown: number) => value ?? unknown;

/** A list overlap as a weighted part, an unknown counting as nothing: "the same policy areas (50 %)". */
const shared = (signal: string, weight: number, value: number | null, words: string): Part => [
  signal,
  weight,
  value ?? 0,
  `${words} (${percent(value ?? 0)})`,
];

/** A signal, its weight, its value between 0 and 1, and what it says. */
type Part = [string, number, number, string];

/** The weighted signals of a kind, the ones that add nothing left out. */
function contributions(parts: Part[]): Contribution[] {
  return parts
    .map(([signal, weight, value, says]) => ({ signal, says, points: Math.round(weight * value * 100) / 100 }))
    .filter((c) => c.points > 0);
}

const total = (parts: Contribution[]) => Math.round(parts.reduce((sum, c) => sum + c.points, 0) * 100) / 100;

/**
 * The same activity entered twice: only between records sharing an organisation (lead or
 * partner), and never when both name places, or functions, and none is the same.
 */
function duplicateRecord(s: PairSignals, config: DetectorConfig): Verdict | null {
  const { weights, threshold, dateScaleDays } = config.duplicateRecord;
  if (!s.organisationInCommon || s.areas === 0 || s.functions === 0) return null;
  const parts = contributions([
    ['title', weights.title, s.title, `titles alike (${percent(s.title)} of their words)`],
    ['text', weights.text, s.text, `titles and descriptions alike (${percent(s.text)})`],
    ['start', weights.start, Math.exp(-s.startDays / dateScaleDays), `start dates ${s.startDays} days apart`],
    ['end', weights.end, Math.exp(-s.endDays / dateScaleDays), `end dates ${s.endDays} days apart`],
    ['budget', weights.budget, s.sameBudget ? 1 : 0, 'the same budget'],
    [
      'areas',
      weights.areas,
      known(s.areas, config.unknown),
      s.areas === null ? 'places not given on both' : `places in common (${percent(s.areas)})`,
    ],
    shared('targetGroups', weights.targetGroups, s.targetGroups, 'target groups in common'),
  ]);
  const score = total(parts);
  return score >= threshold ? { kind: 'DUPLICATE_RECORD', score, contributions: parts } : null;
}

/**
 * Different organisations delivering the same benefit to the same population at the same time:
 * different leads sharing no organisation, no joint programme and no division of labour agreed
 * in a coordination body (those are complementary, document 004), periods that really overlap,
 * the same places when both name some, a target group or guarantee and a function in common.
 */
function overlappingEffort(s: PairSignals, config: DetectorConfig): Verdict | null {
  const { weights, threshold, minPeriodOverlap } = config.overlappingEffort;
  if (s.sameLead || s.organisationInCommon || s.sameJointProgramme || s.divisionOfLabour) return null;
  if (s.areas === 0 || s.periodOverlap < minPeriodOverlap) return null;
  if (!s.targetGroups && !s.guarantees) return null;
  // The same benefit: the same kind of work (a function in common), when both say what they do.
  if (s.functions === 0) return null;
  const parts = contributions([
    ['text', weights.text, s.text, `the same kind of work (${percent(s.text)} of their words)`],
    [
      'targetGroups',
      weights.targetGroups,
      known(s.targetGroups, 0),
      `the same people (${percent(s.targetGroups ?? 0)} of target groups)`,
    ],
    shared('guarantees', weights.guarantees, s.guarantees, 'the same floor guarantees'),
    shared('policyAreas', weights.policyAreas, s.policyAreas, 'the same policy areas'),
    [
      'areas',
      weights.areas,
      known(s.areas, config.unknown),
      s.areas === null ? 'places not given on both' : `the same places (${percent(s.areas)})`,
    ],
    shared('counterparts', weights.counterparts, s.counterparts, 'the same government counterparts'),
    [
      'period',
      weights.period,
      Math.min(1, s.periodOverlap),
      `at the same time (${percent(Math.min(1, s.periodOverlap))} of the shorter period)`,
    ],
  ]);
  const score = total(parts);
  return score >= threshold ? { kind: 'OVERLAPPING_EFFORT', score, contributions: parts } : null;
}

/** What a pair is, if anything: a duplicate record first, else overlapping effort, else nothing. */
export function judgePair(signals: PairSignals, config: DetectorConfig = DETECTOR_CONFIG): Verdict | null {
  return duplicateRecord(signals, config) ?? overlappingEffort(signals, config);
}
