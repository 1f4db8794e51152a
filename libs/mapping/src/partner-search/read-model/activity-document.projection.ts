import type { EventEnvelope, Projection } from '@concord/eventing';
import type { ActivityEvent, LocalisedText } from '@concord/programming';
import type { EntityManager } from 'typeorm';
import { foldText, SEARCH_CONFIGS, type SearchLanguage } from '../domain/search-text';

/** The weighted tsvector of one kind of text: each language's text stemmed by its own configuration. */
function vectorSql(column: '$2' | '$3', weight: 'A' | 'B'): string {
  return (Object.entries(SEARCH_CONFIGS) as [SearchLanguage, string][])
    .map(
      ([language, config]) =>
        `setweight(to_tsvector('${config}', coalesce(${column}::jsonb->>'${language}', '')), '${weight}')`,
    )
    .join(' || ');
}

const folded = (text: LocalisedText): LocalisedText =>
  Object.fromEntries(Object.entries(text).map(([language, value]) => [language, value && foldText(value)]));

/**
 * Every activity's titles (weight A) and descriptions (weight B) as one text search document,
 * each language stemmed by its own snowball configuration, accents and case folded first
 * (issue 5, partner search). Rebuilt from the events like any read model.
 */
export const activityDocumentProjection: Projection = {
  name: 'mapping.activity-documents',
  tables: ['mapping_activity_documents'],
  eventTypes: ['ActivityRegistered', 'ActivityRevised'],
  async apply(envelope: EventEnvelope, tx: EntityManager) {
    const event = { type: envelope.type, data: envelope.data } as ActivityEvent;
    let titles: LocalisedText;
    let descriptions: LocalisedText;
    if (event.type === 'ActivityRegistered') {
      ({ titles, descriptions } = event.data);
    } else if (event.type === 'ActivityRevised' && (event.data.titles || event.data.descriptions)) {
      const [before]: { titles: LocalisedText; descriptions: LocalisedText }[] = await tx.query(
        `SELECT titles, descriptions FROM mapping_activity_documents WHERE activity_id = $1`,
        [envelope.streamId],
      );
      if (!before) return;
      titles = event.data.titles ?? before.titles;
      descriptions = event.data.descriptions ?? before.descriptions;
    } else return;
    await tx.query(
      `INSERT INTO mapping_activity_documents (activity_id, titles, descriptions, document)
       VALUES ($1, $4, $5, ${vectorSql('$2', 'A')} || ${vectorSql('$3', 'B')})
       ON CONFLICT (activity_id) DO UPDATE SET titles = $4, descriptions = $5, document = EXCLUDED.document`,
      [envelope.streamId, folded(titles), folded(descriptions), titles, descriptions],
    );
  },
};
