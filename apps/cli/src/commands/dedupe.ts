import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluateLabelledSet } from '@concord/duplication';
import { countRecords, ImportProgress } from '@concord/interop';
import { ConcordError } from '@concord/kernel';
import type { BoundedContext } from '@concord/platform';

const DEDUPE_USAGE = 'dedupe evaluate --activities <file.jsonl> --labels <pairs.csv>';

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
      options: { activities: { type: 'string' }, labels: { type: 'string' } },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const [sub, ...extra] = parsed.positionals;
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
    const report = await evaluateLabelledSet(contexts, { activities, labels }, () => progress.tick());
    progress.finish();
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConcordError)) throw error;
    process.stderr.write(`concord dedupe: ${error.message}\n`);
    return 1;
  }
}

function usageError(message: string): number {
  process.stderr.write(`concord dedupe: ${message}\n\nUsage: concord ${DEDUPE_USAGE}\n`);
  return 2;
}
