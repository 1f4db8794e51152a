/**
 * Text as the search folds it: accents and case removed (NFD, combining marks dropped), so
 * "protección" finds "proteccion" and "Évaluation" finds "evaluation", in documents and queries alike.
 */
export const foldText = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The Postgres text search configuration (snowball stemmer and stop words) of each activity language. */
export const SEARCH_CONFIGS = { en: 'english', fr: 'french', es: 'spanish', pt: 'portuguese' } as const;

export type SearchLanguage = keyof typeof SEARCH_CONFIGS;
