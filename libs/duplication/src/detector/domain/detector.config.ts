import { ConcordError } from '@concord/kernel';

/**
 * Weights and thresholds of the duplication detector, with why (docs/duplication.md). Scores are
 * sums of weighted signals, each between 0 and 1; a pair is flagged when its score reaches the
 * kind's threshold and it passes the kind's gates.
 */
export const DETECTOR_CONFIG = {
  blocking: {
    /**
     * Each activity is compared with at most this many activities after it (in start order) in
     * each of its blocks (country × code), so a crowded country costs activities × window, not
     * its square. The development set never needs more than a few places (5 gives the same
     * figures); at 100,000 synthetic activities 20 keeps all but one planted duplicate
     * (docs/duplication.md).
     */
    window: 20,
  },
  duplicateRecord: {
    /**
     * The same activity entered twice (by the funding and the implementing agency, by hand and from
     * IATI): it shares an organisation, its title and dates nearly match, often its budget too.
     */
    threshold: 3.75,
    weights: {
      /** Title words in common (idf-weighted), across languages through the glossary. */
      title: 2.0,
      /** Title and description words in common. */
      text: 0.5,
      /** Start dates close: exp(−days apart / dateScaleDays). */
      start: 2.5,
      /** End dates close. */
      end: 1.75,
      /** The same budget, amount and currency. */
      budget: 1.4,
      /** Sub-national areas in common. */
      areas: 1.0,
      /** Target groups in common. */
      targetGroups: 0.3,
    },
    dateScaleDays: 60,
  },
  overlappingEffort: {
    /**
     * Different organisations delivering the same benefit to the same population at the same time
     * (document 001): the same kind of work (text, target groups, guarantees, areas) in overlapping
     * periods, by organisations sharing no joint programme.
     */
    threshold: 3.75,
    weights: {
      text: 3.0,
      targetGroups: 1.5,
      guarantees: 1.0,
      policyAreas: 0.5,
      areas: 1.0,
      counterparts: 0.5,
      /** Share of the shorter period that the two periods overlap. */
      period: 0.5,
    },
    /** Below this share of the shorter period, the two are not "at the same time". */
    minPeriodOverlap: 0.25,
  },
  /** An unknown value (no areas given on one side) counts as half a match. */
  unknown: 0.5,
} as const;

/** Numbers widened: another configuration (a test's, an evaluation's) may choose other values. */
type Widened<T> = T extends number ? number : { readonly [K in keyof T]: Widened<T[K]> };
export type DetectorConfig = Widened<typeof DETECTOR_CONFIG>;

/**
 * The configuration with some values replaced, e.g. `{ "overlappingEffort": { "threshold": 4 } }`:
 * only keys the configuration has, numbers at least 0 (the window a whole number from 1). A
 * mistake names its key; nothing is half applied.
 */
export function withOverrides(overrides: unknown, base: DetectorConfig = DETECTOR_CONFIG): DetectorConfig {
  const merge = (given: unknown, into: Record<string, unknown>, path: string[]): Record<string, unknown> => {
    const bad = (key: string[], value: unknown, message: string) =>
      ConcordError.badInput('BAD_DETECTOR_CONFIG', { path: key.join('.') || '(root)', value, message });
    if (typeof given !== 'object' || given === null || Array.isArray(given))
      throw bad(path, given, 'must be an object of the keys to change');
    const merged = { ...into };
    for (const [key, value] of Object.entries(given)) {
      const at = [...path, key];
      const current = into[key];
      if (current === undefined)
        throw bad(at, value, `is not a setting; settings here: ${Object.keys(into).join(', ')}`);
      if (typeof current === 'object') merged[key] = merge(value, current as Record<string, unknown>, at);
      else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw bad(at, value, 'must be a number, 0 or more');
      else if (key === 'window' && (!Number.isInteger(value) || value < 1))
        throw bad(at, value, 'must be a whole number, 1 or more');
      else merged[key] = value;
    }
    return merged;
  };
  return merge(overrides, base, []) as unknown as DetectorConfig;
}
