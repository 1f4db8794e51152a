import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EventRegistry, rebuildProjection } from '@concord/eventing';
import { importActivities, readImportFile } from '@concord/interop';
import { ConcordError, csvRows } from '@concord/kernel';
import { openDatabase, schemaOf, type BoundedContext } from '@concord/platform';
import { activityProfiles } from '../../detector/application/activity-profiles';
import { detectDuplication } from '../../detector/domain/detect';
import { DETECTOR_CONFIG, type DetectorConfig } from '../../detector/domain/detector.config';
import type { DuplicationKind } from '../../detector/domain/pair-scoring';
import { evaluatePairs, type Evaluation, type LabelledPair } from '../domain/pair-metrics';

const KINDS: readonly string[] = ['DUPLICATE_RECORD', 'OVERLAPPING_EFFORT'];

export interface LabelledSetReport extends Evaluation {
  activities: number;
  labelledPairs: number;
  detectedPairs: number;
  candidatesExamined: number;
  /** Lines the import refused; their activities are missing from the store. */
  importFailures: number;
  ms: { import: number; project: number; detect: number; total: number };
}

/** `a,b,kind` rows (shared/dedupe/FORMAT.md), kinds in any case, extra columns ignored; a bad row is named by its line. */
export async function readLabels(path: string): Promise<LabelledPair[]> {
  const labels: LabelledPair[] = [];
  let header = true;
  for await (const row of csvRows(createInterface({ input: createReadStream(path), crlfDelay: Infinity }))) {
    if ('error' in row)
      throw ConcordError.badInput('BAD_LABEL', { path: `line ${row.line}`, value: row.text, message: row.error });
    if (header) {
      header = false;
      continue;
    }
    if (row.fields.length === 1 && !row.fields[0].trim()) continue;
    const [a, b, given] = row.fields.map((f) => f.trim());
    const kind = (given ?? '').toUpperCase();
    if (!a || !b || !KINDS.includes(kind)) {
      throw ConcordError.badInput('BAD_LABEL', {
        path: `line ${row.line}`,
        value: row.fields.join(','),
        message: `must be a,b,kind with kind ${KINDS.join(' or ')}`,
      });
    }
    labels.push({ a, b, kind: kind as DuplicationKind });
  }
  return labels;
}

/**
 * Loads a labelled set into a throwaway in-memory store through the normal import, projects it,
 * runs the detector over every activity and scores the pairs against the labels.
 */
export async function evaluateLabelledSet(
  contexts: BoundedContext[],
  files: { activities: string; labels: string },
  onLine: () => void = () => undefined,
  config: DetectorConfig = DETECTOR_CONFIG,
): Promise<LabelledSetReport> {
  const started = performance.now();
  const labels = await readLabels(files.labels);
  const database = await openDatabase({}, schemaOf(contexts));
  try {
    const { dataSource } = database;
    const imported = await importActivities(dataSource, readImportFile(files.activities, 'jsonl'), { onLine });
    const afterImport = performance.now();
    const registry = new EventRegistry(contexts.flatMap((c) => c.streams));
    for (const projection of contexts.flatMap((c) => c.projections)) {
      await rebuildProjection(dataSource, registry, projection);
    }
    const afterProjection = performance.now();
    const activities = await activityProfiles(dataSource);
    const fileId = new Map(activities.map((a) => [a.profile.id, a.externalIds[0]?.id ?? a.profile.id]));
    const detection = detectDuplication(
      activities.map((a) => a.profile),
      config,
    );
    const detected = detection.pairs.map((pair) => ({ ...pair, a: fileId.get(pair.a)!, b: fileId.get(pair.b)! }));
    const done = performance.now();
    return {
      activities: activities.length,
      labelledPairs: labels.length,
      detectedPairs: detected.length,
      candidatesExamined: detection.candidatesExamined,
      importFailures: imported.failed,
      ...evaluatePairs(detected, labels),
      ms: {
        import: Math.round(afterImport - started),
        project: Math.round(afterProjection - afterImport),
        detect: Math.round(done - afterProjection),
        total: Math.round(done - started),
      },
    };
  } finally {
    await database.close();
  }
}
