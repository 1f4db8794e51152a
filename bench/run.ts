// `npm run bench -- <name>`: runs bench/<name>.bench.ts, prints its JSON report on stdout and writes
// it to bench/results/<name>-<timestamp>.json plus a Markdown summary next to it. Progress goes to
// stderr. Exit 0 when the benchmark ran (missed targets included: these are measurements, not
// tests), 1 when it could not run, 2 for an unknown name.
import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchContext, BenchReport, Benchmark } from './support/bench';
import { Cleanup } from './support/cleanup';
import { cpuMeter } from './support/cpu';
import { machineInfo } from './support/machine';

const root = resolve(__dirname, '..', '..');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const progress = (message: string) => process.stderr.write(`[bench ${elapsed()}] ${message}\n`);

/** Every bench/<name>.bench.ts is a benchmark: adding one needs no change here. */
function available(): string[] {
  return readdirSync(__dirname)
    .map((file) => /^(.+)\.bench\.js$/.exec(file)?.[1])
    .filter((name): name is string => !!name)
    .sort();
}

function load(name: string): Benchmark {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(join(__dirname, `${name}.bench.js`)) as { benchmark?: Benchmark };
  if (!module.benchmark) throw new Error(`bench/${name}.bench.ts does not export a \`benchmark\``);
  return module.benchmark;
}

function markdown(name: string, report: BenchReport, at: string): string {
  const cell = (v: unknown) =>
    v === undefined ? '' : (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\|/g, '\\|');
  const machine = report.machine;
  const lines = [
    `# Benchmark \`${name}\` — ${at}`,
    '',
    `Machine: ${cell(machine.cpus)} CPUs (${cell(machine.cpuModel)}), node ${cell(machine.node)}, ` +
      `Postgres ${cell(machine.postgres)}, Kafka ${cell(machine.kafkaBrokers)}; load average at start ${cell(
        (machine.loadAverageAtStart as number[] | undefined)?.join(' / '),
      )}, CPU busy in the second before the start ${cell(machine.cpuBusyPercentBeforeStart)} %.`,
    '',
    '| figure | value | unit | target | pass |',
    '|---|--:|---|---|---|',
    ...report.summary.map(
      (r) =>
        `| ${cell(r.figure)} | ${cell(r.value)} | ${cell(r.unit)} | ${cell(r.target)} | ${
          r.pass === undefined ? '' : r.pass ? 'yes' : '**no**'
        } |`,
    ),
    '',
    ...(report.notes.length ? ['Notes:', '', ...report.notes.map((n) => `- ${n}`), ''] : []),
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const names = available();
  const name = process.argv[2];
  if (!name || !names.includes(name)) {
    process.stderr.write(
      `${name ? `Unknown benchmark "${name}".` : 'No benchmark named.'} Usage: npm run bench -- <name>\n` +
        `Benchmarks: ${names.join(', ') || '(none built: run `node scripts/build.mjs`)'}\n`,
    );
    return 2;
  }
  const benchmark = load(name);
  const cleanup = new Cleanup(progress);
  const context: BenchContext = { root, progress, cleanup };
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: cleaning up`);
    void cleanup.runAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('unhandledRejection', (error) =>
    progress(`unhandled rejection: ${error instanceof Error ? error.stack : String(error)}`),
  );

  progress(`${name}: ${benchmark.description}`);
  // One second of the machine's CPU use before the benchmark starts: other work skews the figures.
  const idle = cpuMeter();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const machine = { ...machineInfo(), cpuBusyPercentBeforeStart: idle().machineBusyPercent };
  const startedAt = new Date();
  let report: BenchReport;
  try {
    report = await benchmark.run(context);
  } catch (error) {
    if (!interrupted) progress(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    await cleanup.runAll();
    return 1;
  }
  await cleanup.runAll();
  progress('cleanup done');

  const finishedAt = new Date();
  const output = {
    benchmark: name,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
    ...report,
    machine: { ...machine, ...report.machine },
  };
  const json = JSON.stringify(output, null, 2);
  process.stdout.write(json + '\n');

  const dir = join(root, 'bench', 'results');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const stamp = startedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const base = join(dir, `${name}-${stamp}`);
  writeFileSync(`${base}.json`, json + '\n');
  writeFileSync(`${base}.md`, markdown(name, { ...report, machine: output.machine }, startedAt.toISOString()));
  progress(`wrote ${base.slice(root.length + 1)}.json and .md`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    progress(`bench runner failed: ${(error as Error)?.stack ?? error}`);
    process.exit(1);
  },
);
