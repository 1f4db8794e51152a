import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { ConcordError, decodeCursor, encodeCursor, pageSize, type Actor, type PageRequest } from '@concord/kernel';
import { DataSource, In } from 'typeorm';
import { OrganisationRow } from '../../organisation/read-model/organisation.rows';
import { FocalPointRow } from '../read-model/focal-point.rows';
import { seesPersonalData } from './focal-point.policy';

export interface FocalPointFilter {
  country?: string;
  /** Organisation code. */
  organisation?: string;
  /** An expertise tag (policy area, guarantee or function code). */
  tag?: string;
  status?: string;
}

/** A focal point as a caller may see it: personal fields are null for anonymous callers. */
export type FocalPointView = Omit<FocalPointRow, 'personName' | 'email' | 'phone'> & {
  personName: string | null;
  email: string | null;
  phone: string | null;
};

const visibleTo =
  (viewer: Actor | undefined) =>
  (row: FocalPointRow): FocalPointView =>
    seesPersonalData(viewer) ? row : { ...row, personName: null, email: null, phone: null };

/** Focal points are listed by country, organisation and id; the cursor carries all three. */
const SEPARATOR = '\u001f';
const cursorOf = (row: FocalPointView) => encodeCursor([row.country, row.organisationCode, row.id].join(SEPARATOR));

function afterKey(cursor: string): { afterCountry: string; afterOrganisation: string; afterId: string } {
  const parts = decodeCursor(cursor).split(SEPARATOR);
  if (parts.length !== 3) {
    throw ConcordError.badInput('INVALID_CURSOR', {
      path: 'after',
      value: cursor,
      message: 'is not a cursor returned by focalPoints',
    });
  }
  const [afterCountry, afterOrganisation, afterId] = parts;
  return { afterCountry, afterOrganisation, afterId };
}

/**
 * Reads of the focal point table; resolvers call these, never repositories. Each read takes the
 * viewer, because whether personal data is shown is decided here, not in the resolver.
 */
@Injectable()
export class FocalPointQueries {
  constructor(private readonly db: DataSource) {}

  async byId(id: string, viewer: Actor | undefined): Promise<FocalPointView | null> {
    const row = await this.db.getRepository(FocalPointRow).findOneBy({ id });
    return row && visibleTo(viewer)(row);
  }

  organisationsByCode(codes: readonly string[]): Promise<OrganisationRow[]> {
    return this.db.getRepository(OrganisationRow).findBy({ code: In([...codes]) });
  }

  async list(filter: FocalPointFilter, page: PageRequest, viewer: Actor | undefined): Promise<Page<FocalPointView>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(FocalPointRow).createQueryBuilder('f');
    if (filter.country) query.andWhere('f.country = :country', { country: filter.country });
    if (filter.organisation) {
      query.andWhere('f.organisationCode = :organisation', { organisation: filter.organisation });
    }
    if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
    if (filter.tag) query.andWhere('f.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    const totalCount = countWhenAsked(query);
    if (page.after) {
      query.andWhere(
        '(f.country, f.organisationCode, f.id) > (:afterCountry, :afterOrganisation, :afterId)',
        afterKey(page.after),
      );
    }
    const rows = await query
      .orderBy('f.country', 'ASC')
      .addOrderBy('f.organisationCode', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .take(size + 1)
      .getMany();
    const views = rows.slice(0, size).map(visibleTo(viewer));
    return {
      nodes: views.map((node) => ({ cursor: cursorOf(node), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }
}
