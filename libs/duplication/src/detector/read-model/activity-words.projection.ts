import type { EventEnvelope, Projection } from '@concord/eventing';
import type { ActivityEvent, LocalisedText } from '@concord/programming';
import type { EntityManager } from 'typeorm';
import { textTokens } from '../domain/text-tokens';

const wordsOf = (text: LocalisedText) => [...new Set(Object.values(text).flatMap((t) => textTokens(t ?? '')))];

/**
 * The words of every activity's titles and descriptions, and in how many activities each word
 * appears: what weighs a word by its rarity when one changed activity is compared with its
 * neighbours, without reading every activity again (ARCHITECTURE §7, ADR 0010).
 */
export const activityWordsProjection: Projection = {
  name: 'duplication.activity-words',
  tables: ['duplication_activity_words', 'duplication_word_frequencies', 'duplication_word_corpus'],
  eventTypes: ['ActivityRegistered', 'ActivityRevised'],
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as ActivityEvent;
    const id = envelope.streamId;
    const [before]: { title_words: string[]; description_words: string[] }[] = await tx.query(
      `SELECT title_words, description_words FROM duplication_activity_words WHERE activity_id = $1`,
      [id],
    );
    let titleWords: string[];
    let descriptionWords: string[];
    if (event.type === 'ActivityRegistered') {
      titleWords = wordsOf(event.data.titles);
      descriptionWords = wordsOf(event.data.descriptions);
    } else if (event.type === 'ActivityRevised' && before) {
      if (!event.data.titles && !event.data.descriptions) return;
      titleWords = event.data.titles ? wordsOf(event.data.titles) : before.title_words;
      descriptionWords = event.data.descriptions ? wordsOf(event.data.descriptions) : before.description_words;
    } else return;
    if (!before)
      await tx.query(
        `INSERT INTO duplication_word_corpus (single, activities) VALUES (true, 1)
         ON CONFLICT (single) DO UPDATE SET activities = duplication_word_corpus.activities + 1`,
      );
    const old = new Set(before ? [...before.title_words, ...before.description_words] : []);
    const now = new Set([...titleWords, ...descriptionWords]);
    await tx.query(
      `INSERT INTO duplication_activity_words (activity_id, title_words, description_words) VALUES ($1, $2, $3)
       ON CONFLICT (activity_id) DO UPDATE SET title_words = $2, description_words = $3`,
      [id, titleWords, descriptionWords],
    );
    const added = [...now].filter((w) => !old.has(w));
    const removed = [...old].filter((w) => !now.has(w));
    if (added.length)
      await tx.query(
        `INSERT INTO duplication_word_frequencies (word, activities) SELECT w, 1 FROM unnest($1::text[]) AS w
         ON CONFLICT (word) DO UPDATE SET activities = duplication_word_frequencies.activities + 1`,
        [added],
      );
    if (removed.length) {
      await tx.query(`UPDATE duplication_word_frequencies SET activities = activities - 1 WHERE word = ANY($1)`, [
        removed,
      ]);
      await tx.query(`DELETE FROM duplication_word_frequencies WHERE word = ANY($1) AND activities <= 0`, [removed]);
    }
  },
};
