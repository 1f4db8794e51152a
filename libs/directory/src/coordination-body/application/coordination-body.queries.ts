import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { ConcordError, decodeCursor, encodeCursor, pageSize, type PageRequest } from '@concord/kernel';
import { DataSource, In } from 'typeorm';
import { OrganisationRow } from '../../organisation/read-model/organisation.rows';
import {
  BodyDivisionRow,
  BodyInteractionRow,
  BodyMemberRow,
  CoordinationBodyRow,
} from '../read-model/coordination-body.rows';

export interface CoordinationBodyFilter {
  country?: string;
  region?: string;
  kind?: string;
  status?: string;
  /** Bodies this organisation (code) is a member of. */
  organisation?: string;
}

/** Bodies are listed by name; the id breaks ties, so the cursor carries both. */
const SEPARATOR = '\u001f';
const cursorOf = (row: CoordinationBodyRow) => encodeCursor(`${row.name}${SEPARATOR}${row.id}`);

function afterKey(cursor: string): { afterName: string; afterId: string } {
  const key = decodeCursor(cursor);
  const at = key.lastIndexOf(SEPARATOR);
  if (at < 0) {
    throw ConcordError.badInput('INVALID_CURSOR', {
      path: 'after',
      value: cursor,
      message: 'is not a cursor returned by coordinationBodies',
    });
  }
  return { afterName: key.slice(0, at), afterId: key.slice(at + 1) };
}

/** Reads of the coordination body tables; resolvers call these, never repositories. */
@Injectable()
export class CoordinationBodyQueries {
  constructor(private readonly db: DataSource) {}

  byId(id: string): Promise<CoordinationBodyRow | null> {
    return this.db.getRepository(CoordinationBodyRow).findOneBy({ id });
  }

  /** Members of these bodies, chairs first. */
  membersOf(bodyIds: readonly string[]): Promise<BodyMemberRow[]> {
    return this.db
      .getRepository(BodyMemberRow)
      .find({ where: { bodyId: In([...bodyIds]) }, order: { isChair: 'DESC', organisationCode: 'ASC' } });
  }

  interactionsOf(bodyIds: readonly string[]): Promise<BodyInteractionRow[]> {
    return this.db
      .getRepository(BodyInteractionRow)
      .find({ where: { bodyId: In([...bodyIds]) }, order: { orgA: 'ASC', orgB: 'ASC' } });
  }

  divisionsOf(bodyIds: readonly string[]): Promise<BodyDivisionRow[]> {
    return this.db.getRepository(BodyDivisionRow).find({ where: { bodyId: In([...bodyIds]) }, order: { seq: 'ASC' } });
  }

  organisationsByCode(codes: readonly string[]): Promise<OrganisationRow[]> {
    return this.db.getRepository(OrganisationRow).findBy({ code: In([...codes]) });
  }

  /** Bodies by name, a page at a time (Relay connection). */
  async list(filter: CoordinationBodyFilter, page: PageRequest): Promise<Page<CoordinationBodyRow>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(CoordinationBodyRow).createQueryBuilder('b');
    for (const column of ['country', 'region', 'kind', 'status'] as const) {
      if (filter[column]) query.andWhere(`b.${column} = :${column}`, { [column]: filter[column] });
    }
    if (filter.organisation) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM directory_body_members m WHERE m.body_id = b.id AND m.organisation = :organisation)',
        { organisation: filter.organisation },
      );
    }
    const totalCount = countWhenAsked(query);
    if (page.after) query.andWhere('(b.name, b.id) > (:afterName, :afterId)', afterKey(page.after));
    const rows = await query
      .orderBy('b.name', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .take(size + 1)
      .getMany();
    return {
      nodes: rows.slice(0, size).map((node) => ({ cursor: cursorOf(node), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }
}
