import { ConcordError, decodeCursor, encodeCursor, pageSize, type Actor, type PageRequest } from '@concord/kernel';
import { ActivityRow, filterActivities, type ActivityFilter } from '@concord/programming';
import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { foldText, SEARCH_CONFIGS } from '../domain/search-text';
import { scopedFilter, type MappingScope } from '../../scope/application/mapping-scope';

export interface PartnerSearchFilter extends Omit<ActivityFilter, 'country' | 'countries' | 'text'> {
  /** Activities running at some time in this year. */
  year?: number;
}

export interface PartnerActivityHit {
  id: string;
  title: string;
  organisation: string;
  partners: string[];
  country: string;
  status: string;
  start: string;
  end: string;
  policyAreas: string[];
  guarantees: string[];
  targetGroups: string[];
  /** How well the text matches (titles weigh more than descriptions); 0 without text. */
  score: number;
}

export const FACETS = ['country', 'policyArea', 'guarantee', 'targetGroup', 'organisation', 'status', 'year'] as const;
export type FacetName = (typeof FACETS)[number];

export interface Facet {
  name: FacetName;
  values: { value: string; count: number }[];
}

export interface PartnerSearchResult {
  totalCount: number;
  hits: { cursor: string; node: PartnerActivityHit }[];
  hasNextPage: boolean;
  facets: Facet[];
}

/** Values shown per facet, most frequent first. */
const FACET_VALUES = 25;
const MAX_QUERY = 200;

/** Any language's reading of the words: each configuration stems them its own way, OR-ed. */
const TS_QUERY = `(${Object.values(SEARCH_CONFIGS)
  .map((config) => `websearch_to_tsquery('${config}', :text)`)
  .join(' || ')})`;

/** Each facet's values per activity, as a set-returning expression over `m`. */
const FACET_VALUES_SQL: Record<FacetName, string> = {
  country: 'ARRAY[m.country]',
  policyArea: 'm.policy_areas',
  guarantee: 'm.guarantees',
  targetGroup: 'm.target_groups',
  organisation: 'ARRAY(SELECT DISTINCT o FROM unnest(ARRAY[m.organisation] || m.partner_organisations) o)',
  status: 'ARRAY[m.status]',
  year: `ARRAY(SELECT generate_series(extract(year FROM m.start_date)::int, extract(year FROM m.end_date)::int)::text)`,
};

function offsetOf(after: string | undefined): number {
  if (after === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(decodeCursor(after));
  if (!match) {
    throw ConcordError.badInput('INVALID_CURSOR', {
      path: 'after',
      value: after,
      message: 'is not a cursor returned by this query',
    });
  }
  return Number(match[1]);
}

function checkedText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > MAX_QUERY) {
    throw ConcordError.badInput('QUERY_TOO_LONG', {
      path: 'text',
      value: `${trimmed.slice(0, 40)}…`,
      message: `must be at most ${MAX_QUERY} characters`,
    });
  }
  return foldText(trimmed);
}

/**
 * Partner search (issue 5): full text over titles and descriptions in English, French, Spanish and
 * Portuguese (language-aware stemming, accents and case folded), the activity filters, facets with
 * counts over everything that matches, best matches first.
 */
@Injectable()
export class PartnerSearchQuery {
  constructor(private readonly db: DataSource) {}

  async search(
    text: string | undefined,
    scope: MappingScope,
    filter: PartnerSearchFilter,
    page: PageRequest,
    viewer: Actor | undefined,
  ): Promise<PartnerSearchResult> {
    const words = checkedText(text);
    const size = pageSize(page.first);
    const offset = offsetOf(page.after ?? undefined);
    const { year, ...rest } = filter;
    const period = year === undefined ? rest.period : { from: `${year}-01-01`, to: `${year}-12-31` };
    const matching = this.hits({ ...rest, period, ...scopedFilter(scope).filter }, viewer);
    if (words !== undefined) withText(matching, words);
    else matching.addSelect('0::real', 'score');
    const [cte, params] = matching.getQueryAndParameters();
    // One statement: the matches are found and scored once (MATERIALIZED), then paged, faceted and counted.
    const facetsSql = FACETS.map(
      (name) =>
        `(SELECT '${name}' AS name, value, count(*)::int AS count FROM m CROSS JOIN LATERAL unnest(${FACET_VALUES_SQL[name]}) value
           GROUP BY value ORDER BY count DESC, value LIMIT ${FACET_VALUES})`,
    ).join(' UNION ALL ');
    const [{ hits, facets, total }]: {
      hits: PartnerActivityHit[];
      facets: { name: FacetName; value: string; count: number }[];
      total: number;
    }[] = await this.db.query(
      `WITH m AS MATERIALIZED (${cte})
       SELECT (SELECT coalesce(json_agg(h), '[]'::json) FROM (${HITS} LIMIT ${size + 1} OFFSET ${offset}) h) AS hits,
              (SELECT coalesce(json_agg(f), '[]'::json) FROM (${facetsSql}) f) AS facets,
              (SELECT count(*)::int FROM m) AS total`,
      params,
    );
    return {
      totalCount: total,
      hits: hits.slice(0, size).map((node, i) => ({ cursor: encodeCursor(`offset:${offset + i + 1}`), node })),
      hasNextPage: hits.length > size,
      facets: FACETS.map((name) => ({
        name,
        values: facets.filter((f) => f.name === name).map(({ value, count }) => ({ value, count })),
      })),
    };
  }

  /** The hit columns of the activities the filter and the viewer let through (`m` of HITS). */
  private hits(filter: ActivityFilter, viewer: Actor | undefined): SelectQueryBuilder<ActivityRow> {
    return filterActivities(
      HIT_COLUMNS.reduce(
        (query, column) => query.addSelect(`a.${column}`, column),
        this.db.getRepository(ActivityRow).createQueryBuilder('a').select([]),
      ),
      filter,
      viewer,
    );
  }

  /**
   * Activities whose titles and descriptions share the most words with this one (its document's
   * lexemes, OR-ed, ranked by how many and how often they match), in its country unless another
   * scope is given: what an agency should look at before starting something new.
   */
  async similar(id: string, scope: MappingScope | undefined, first: number | undefined, viewer: Actor | undefined) {
    const me = await filterActivities(
      this.db.getRepository(ActivityRow).createQueryBuilder('a').select('a.country', 'country'),
      {},
      viewer,
    )
      .andWhere('a.id = :id', { id })
      .getRawOne<{ country: string }>();
    if (!me) throw new ConcordError('NOT_FOUND', 'ACTIVITY_NOT_FOUND', `No activity ${id}`);
    const size = pageSize(first);
    const matching = this.hits(scopedFilter(scope ?? { country: me.country }).filter, viewer);
    matching
      .innerJoin('mapping_activity_documents', 'd', 'd.activity_id = a.id')
      .andWhere('a.id <> :id', { id })
      .andWhere(`d.document @@ (${LIKE_ME})`, { id })
      .addSelect(`ts_rank(d.document, (${LIKE_ME}))`, 'score');
    const [cte, params] = matching.getQueryAndParameters();
    return this.db.query<PartnerActivityHit[]>(`WITH m AS (${cte}) ${HITS} LIMIT ${size}`, params);
  }
}

/** An activity's document as a query: any of its lexemes, already stemmed (so read as they are). */
const LIKE_ME = `SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | '))
    FROM mapping_activity_documents me CROSS JOIN LATERAL unnest(me.document) WHERE me.activity_id = :id`;

/** The hits of `m`, best first: as the GraphQL type has them. */
const HITS = `SELECT id, title, organisation, partner_organisations AS partners, country, status,
         to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS "end",
         policy_areas AS "policyAreas", guarantees, target_groups AS "targetGroups", score
    FROM m ORDER BY score DESC, start_date DESC, id`;

/** The columns of `m`, each the activity column of that name. */
const HIT_COLUMNS = [
  'id',
  'title',
  'organisation',
  'partner_organisations',
  'country',
  'status',
  'start_date',
  'end_date',
  'policy_areas',
  'guarantees',
  'target_groups',
];

/** Only activities whose document matches, scored by cover density (normalised by length). */
function withText(query: SelectQueryBuilder<ActivityRow>, words: string): void {
  query
    .innerJoin('mapping_activity_documents', 'd', 'd.activity_id = a.id')
    .andWhere(`d.document @@ ${TS_QUERY}`, { text: words })
    .addSelect(`ts_rank_cd(d.document, ${TS_QUERY}, 32)`, 'score');
}
