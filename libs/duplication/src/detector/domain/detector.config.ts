/**
 * Weights and thresholds of the duplication detector, with why (docs/duplication.md). Scores are
 * sums of weighted signals, each between 0 and 1; a pair is flagged when its score reaches the
 * kind's threshold and it passes the kind's gates.
 */
export const DETECTOR_CONFIG = {
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

export type DetectorConfig = typeof DETECTOR_CONFIG;
