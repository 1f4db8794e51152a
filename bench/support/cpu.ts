import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface CpuUse {
  /** Busy share of all CPUs of the machine (100 = every core busy), from /proc/stat; null elsewhere. */
  machineBusyPercent: number | null;
  /** This Node process's CPU time over the wall time (100 = one core). */
  nodePercent: number;
}

function procStat(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((s, v) => s + v, 0);
    const idle = fields[3] + (fields[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Starts measuring; the returned function gives the CPU use since then. */
export function cpuMeter(): () => CpuUse {
  const machine = procStat();
  const node = process.cpuUsage();
  const started = performance.now();
  return () => {
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(node);
    const end = procStat();
    const busy =
      machine && end && end.total > machine.total
        ? Math.round(((end.busy - machine.busy) / (end.total - machine.total)) * 100)
        : null;
    return { machineBusyPercent: busy, nodePercent: Math.round(((used.user + used.system) / 1000 / wallMs) * 100) };
  };
}
