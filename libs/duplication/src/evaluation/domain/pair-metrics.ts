import type { DuplicationKind } from '../../detector/domain/pair-scoring';

export interface LabelledPair {
  a: string;
  b: string;
  kind: DuplicationKind;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Evaluation {
  perKind: Record<DuplicationKind, Scores>;
  /** A detected pair counts when it is labelled at all, whatever the kind. */
  overall: Scores;
  /** Labelled kind (or NONE) × detected kind (or NONE), counted. */
  confusion: Record<string, Record<string, number>>;
}

const KINDS: DuplicationKind[] = ['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT'];
const keyOf = (a: string, b: string) => (a < b ? `${a}\u001f${b}` : `${b}\u001f${a}`);
const round = (x: number) => Math.round(x * 1000) / 1000;

function scores(truePositives: number, falsePositives: number, falseNegatives: number): Scores {
  const precision = truePositives + falsePositives ? truePositives / (truePositives + falsePositives) : 0;
  const recall = truePositives + falseNegatives ? truePositives / (truePositives + falseNegatives) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    truePositives,
    falsePositives,
    falseNegatives,
  };
}

/**
 * Precision, recall and F1 of detected pairs against a labelled set (shared/dedupe/FORMAT.md):
 * every pair not labelled is a negative; a pair's order does not matter.
 */
export function evaluatePairs(
  detected: readonly { a: string; b: string; kind: DuplicationKind }[],
  labels: readonly LabelledPair[],
): Evaluation {
  const truth = new Map(labels.map((l) => [keyOf(l.a, l.b), l.kind]));
  const found = new Map(detected.map((d) => [keyOf(d.a, d.b), d.kind]));
  const confusion: Record<string, Record<string, number>> = {};
  const count = (labelled: string, got: string) => {
    confusion[labelled] ??= {};
    confusion[labelled][got] = (confusion[labelled][got] ?? 0) + 1;
  };
  for (const [key, kind] of truth) count(kind, found.get(key) ?? 'NONE');
  for (const [key, kind] of found) if (!truth.has(key)) count('NONE', kind);
  const perKind = Object.fromEntries(
    KINDS.map((kind) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const [key, got] of found) {
        if (got !== kind) continue;
        if (truth.get(key) === kind) tp++;
        else fp++;
      }
      for (const [key, labelled] of truth) if (labelled === kind && found.get(key) !== kind) fn++;
      return [kind, scores(tp, fp, fn)];
    }),
  ) as Record<DuplicationKind, Scores>;
  let tp = 0;
  for (const key of found.keys()) if (truth.has(key)) tp++;
  return { perKind, overall: scores(tp, found.size - tp, truth.size - tp), confusion };
}
