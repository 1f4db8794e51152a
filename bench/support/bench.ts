import type { Cleanup } from './cleanup';

/** One row of the Markdown summary (and of `summary` in the JSON). */
export interface SummaryRow {
  figure: string;
  value: number | string;
  unit?: string;
  target?: string;
  pass?: boolean;
}

/** A target a figure is compared with. Benchmarks report misses; they never fail because of one. */
export interface TargetCheck {
  name: string;
  value: number;
  target: number;
  comparison: '>=' | '<';
  pass: boolean;
}

export interface BenchContext {
  /** Repository root (where infra/, bench/results/ and .data/ are). */
  root: string;
  /** A progress line on stderr (stdout carries only the JSON). */
  progress: (message: string) => void;
  /** Undo steps, run in reverse order at the end, also after a failure or Ctrl-C. */
  cleanup: Cleanup;
}

export interface BenchReport {
  machine: Record<string, unknown>;
  config: Record<string, unknown>;
  results: Record<string, unknown>;
  targets: TargetCheck[];
  summary: SummaryRow[];
  notes: string[];
}

/** What a `bench/<name>.bench.ts` file exports. */
export interface Benchmark {
  name: string;
  description: string;
  run(context: BenchContext): Promise<BenchReport>;
}

export function check(name: string, value: number, comparison: '>=' | '<', target: number): TargetCheck {
  const pass = Number.isFinite(value) && (comparison === '>=' ? value >= target : value < target);
  return { name, value: round(value, 3), target, comparison, pass };
}

export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
