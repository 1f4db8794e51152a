import { performance } from 'node:perf_hooks';
import { cpuMeter, type CpuUse } from './cpu';

export const now = (): number => performance.now();

/** Nearest-rank percentile of already sorted values (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function distribution(values: number[], digits = 1): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  return {
    count: sorted.length,
    p50: r(percentile(sorted, 50)),
    p95: r(percentile(sorted, 95)),
    p99: r(percentile(sorted, 99)),
    max: r(sorted.at(-1) ?? NaN),
    mean: r(sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1)),
  };
}

export interface Throughput {
  count: number;
  ms: number;
  perSecond: number;
}

export const throughput = (count: number, ms: number): Throughput => ({
  count,
  ms: Math.round(ms),
  perSecond: Math.round((count / ms) * 1000),
});

/** Runs `workers` loops, each doing `perWorker` operations one after another; returns the wall time. */
export async function closedLoop(
  workers: number,
  perWorker: number,
  operation: (worker: number, i: number) => Promise<unknown>,
): Promise<Throughput & { latencyMs: Distribution; cpu: CpuUse }> {
  const latencies: number[] = [];
  const cpu = cpuMeter();
  const started = now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < perWorker; i++) {
        const t = now();
        await operation(w, i);
        latencies.push(now() - t);
      }
    }),
  );
  const ms = now() - started;
  return { ...throughput(workers * perWorker, ms), latencyMs: distribution(latencies, 2), cpu: cpu() };
}

/** Times one run of `work` over `count` items, with the CPU use meanwhile. */
export async function timed(count: number, work: () => Promise<unknown>): Promise<Throughput & { cpu: CpuUse }> {
  const cpu = cpuMeter();
  const started = now();
  await work();
  const ms = now() - started;
  return { ...throughput(count, ms), cpu: cpu() };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Polls `done` until it is true; throws after `timeoutMs`. */
export async function until(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  everyMs = 5,
): Promise<void> {
  const deadline = now() + timeoutMs;
  while (!(await done())) {
    if (now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
