import type { DataSource } from 'typeorm';
import { idf } from '../domain/detect';
import type { DivisionOfLabour } from '../domain/division-of-labour';

/** Divisions of labour recorded in country coordination bodies (directory context), of some countries or all. */
export async function divisionsOfLabour(db: DataSource, countries?: readonly string[]): Promise<DivisionOfLabour[]> {
  return db.query(
    `SELECT b.country, d.organisations FROM directory_body_divisions d
       JOIN directory_coordination_bodies b ON b.id = d.body_id
      WHERE b.country IS NOT NULL AND ($1::text[] IS NULL OR b.country = ANY($1))`,
    [countries ?? null],
  );
}

/**
 * Word weights from the stored counts (activity-words.projection.ts): the same figures the batch
 * path counts over all activities, read for the words at hand only.
 */
export async function storedWordWeights(db: DataSource, words: Iterable<string>): Promise<(word: string) => number> {
  const [corpus]: { activities: number }[] = await db.query(`SELECT activities FROM duplication_word_corpus`);
  const activities = corpus?.activities ?? 0;
  const rows: { word: string; activities: number }[] = await db.query(
    `SELECT word, activities FROM duplication_word_frequencies WHERE word = ANY($1)`,
    [[...new Set(words)]],
  );
  const frequency = new Map(rows.map((r) => [r.word, r.activities]));
  return (word) => idf(activities, frequency.get(word) ?? 0);
}
