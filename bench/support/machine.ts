import { cpus, loadavg, totalmem, platform, release } from 'node:os';

export function machineInfo(): Record<string, unknown> {
  const cpuList = cpus();
  return {
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews figures. */
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
