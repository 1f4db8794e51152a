import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import {
  DETECTOR_CONFIG_VARIABLE,
  evaluateLabelledSet,
  loadDetectorConfig,
  scanDuplication,
  type DetectorConfig,
} from '@concord/duplication';
import { countRecords, ImportProgress } from '@concord/interop';
import { ConcordError } from '@concord/kernel';
import {
  configOrExit,
  createLogger,
  consumerGroups,
  startRuntime,
  type BoundedContext,
  type Runtime,
} from '@concord/platform';

const DEDUPE_USAGE =
  'dedupe scan [--config <settings.json>] | dedupe evaluate --activities <file.jsonl> --labels <pairs.csv> [--config <settings.json>]';

/**
 * `concord dedupe evaluate`: a labelled set (shared/dedupe/FORMAT.md) through the normal import
 * into a throwaway in-memory store, the detector over it, and the scores as JSON on stdout.
 * Exit 0 when evaluated, 1 when a file cannot be read or a label is malformed, 2 for bad usage.
 */
export async function dedupeCommand(contexts: BoundedContext[], args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { activities: { type: 'string' }, labels: { type: 'string' }, config: { type: 'string' } },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  // --config, else the file DEDUPE_CONFIG names, else the built-in settings.
  let settings: DetectorConfig;
  try {
    settings = loadDetectorConfig(parsed.values.config ?? process.env[DETECTOR_CONFIG_VARIABLE]);
  } catch (error) {
    if (!(error instanceof ConcordError)) throw error;
    process.stderr.write(`concord dedupe: ${error.message}\n`);
    return 1;
  }
  const [sub, ...extra] = parsed.positionals;
  if (sub === 'scan' && !extra.length) return scan(contexts, settings);
  const { activities, labels } = parsed.values;
  if (sub !== 'evaluate' || extra.length) return usageError(`unknown dedupe command "${parsed.positionals.join(' ')}"`);
  if (!activities || !labels) return usageError('name the --activities and the --labels files');
  for (const file of [activities, labels]) {
    try {
      await access(file);
    } catch {
      process.stderr.write(`concord dedupe: cannot read ${file}\n`);
      return 1;
    }
  }
  const progress = new ImportProgress(process.stderr, await countRecords(activities, 'jsonl'));
  try {
    const report = await evaluateLabelledSet(contexts, { activities, labels }, () => progress.tick(), settings);
    progress.finish();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConcordError)) throw error;
    process.stderr.write(`concord dedupe: ${error.message}\n`);
    return 1;
  }
}

/** Until every consumer group (projections and reactors) has handled every committed event. */
async function consumersCaughtUp(runtime: Runtime, contexts: BoundedContext[]): Promise<void> {
  const groups = consumerGroups(contexts, runtime.registry.allContexts);
  for (;;) {
    const lags = await Promise.all(groups.map((g) => runtime.eventLog.lag(g.group, g.contexts)));
    if (lags.every((lag) => lag === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * `concord dedupe scan`: the detector over every activity, reconciled with the flags (raised,
 * rescored, cleared; dismissed ones stay dismissed). In embedded mode nothing else projects while
 * the CLI holds the database, so it brings the read models up to date before the scan and
 * projects the flags after it; with DATABASE_URL the running workers do both.
 */
async function scan(contexts: BoundedContext[], settings: DetectorConfig): Promise<number> {
  const config = configOrExit();
  const embedded = !config.databaseUrl;
  const runtime = await startRuntime(config, contexts, { api: false, worker: embedded }, createLogger('warn'));
  try {
    if (embedded) await consumersCaughtUp(runtime, contexts);
    let shown = 0;
    const s = await scanDuplication(
      { runner: runtime.commands, db: runtime.dataSource },
      randomUUID(),
      settings,
      (done, total) => {
        if (done - shown >= total / 10 || done === total) {
          shown = done;
          process.stderr.write(`dedupe scan: ${done}/${total} pairs reconciled\n`);
        }
      },
    );
    if (embedded) await consumersCaughtUp(runtime, contexts);
    process.stdout.write(
      `Scanned ${s.activities} activities (${s.candidatesExamined} candidate pairs) in ${(s.ms / 1000).toFixed(1)} s: ` +
        `${s.found} pairs alike; flags raised ${s.raised}, changed ${s.changed}, cleared ${s.cleared}, unchanged ${s.unchanged}\n`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

function usageError(message: string): number {
  process.stderr.write(`concord dedupe: ${message}\n\nUsage: concord ${DEDUPE_USAGE}\n`);
  return 2;
}
