import { countWhenAsked, type Page } from '@concord/platform';
import { ConcordError, decodeCursor, encodeCursor, pageSize, type PageRequest } from '@concord/kernel';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DuplicationFlagRow } from '../read-model/duplication-flag.rows';

export interface DuplicationFlagFilter {
  country?: string;
  kind?: string;
  status?: string;
  /** Lead organisation of a subject. */
  organisation?: string;
  minScore?: number;
}

/** An activity a flag names, as coordinators recognise it. */
export interface FlagSubjectView {
  id: string;
  title: string;
  organisation: string;
  start: string;
  end: string;
}

/** Flags are listed by score, highest first, then id; the cursor carries both. */
const SEPARATOR = '\u001f';
const cursorOf = (row: DuplicationFlagRow) => encodeCursor([row.score, row.id].join(SEPARATOR));

/** Reads of the flags table; resolvers call these, never repositories. */
@Injectable()
export class DuplicationFlagQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string): Promise<DuplicationFlagRow | null> {
    return this.db.getRepository(DuplicationFlagRow).findOneBy({ id });
  }

  async list(filter: DuplicationFlagFilter, page: PageRequest): Promise<Page<DuplicationFlagRow>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(DuplicationFlagRow).createQueryBuilder('f');
    if (filter.country) query.andWhere('f.country = :country', { country: filter.country });
    if (filter.kind) query.andWhere('f.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
    if (filter.organisation)
      query.andWhere(':organisation = ANY(f.organisations)', { organisation: filter.organisation });
    if (filter.minScore !== undefined) query.andWhere('f.score >= :minScore', { minScore: filter.minScore });
    const totalCount = countWhenAsked(query);
    if (page.after) {
      const parts = decodeCursor(page.after).split(SEPARATOR);
      if (parts.length !== 2) {
        throw ConcordError.badInput('INVALID_CURSOR', {
          path: 'after',
          value: page.after,
          message: 'is not a cursor returned by duplicationFlags',
        });
      }
      query.andWhere('(f.score < :afterScore OR (f.score = :afterScore AND f.id > :afterId))', {
        afterScore: parts[0],
        afterId: parts[1],
      });
    }
    const rows = await query
      .orderBy('f.score', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .take(size + 1)
      .getMany();
    return {
      nodes: rows.slice(0, size).map((node) => ({ cursor: cursorOf(node), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }

  /** The activities flags name, for a DataLoader. */
  activities(ids: readonly string[]): Promise<FlagSubjectView[]> {
    return this.db.query(
      `SELECT id, title, organisation, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS "end"
         FROM programming_activities WHERE id = ANY($1)`,
      [[...ids]],
    );
  }

  /** The proposals flags name, for a DataLoader. */
  proposals(ids: readonly string[]): Promise<FlagSubjectView[]> {
    return this.db.query(
      `SELECT id, title, lead_organisation AS organisation, to_char(start_date, 'YYYY-MM-DD') AS start,
              to_char(end_date, 'YYYY-MM-DD') AS "end"
         FROM funding_proposals WHERE id = ANY($1)`,
      [[...ids]],
    );
  }
}
