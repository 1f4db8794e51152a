import { ConcordError, decodeCursor, encodeCursor, pageSize, systemClock, type PageRequest } from '@concord/kernel';
import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validDate } from '../../fund/domain/fund.rules';
import type { Money } from '../../money/money';
import { CallRow } from '../read-model/call.rows';

export interface CallFilter {
  fundCode?: string;
  status?: string;
  /** Calls open for applications on this ISO date. */
  openOn?: string;
}

/** A call as GraphQL serves it: the row with its envelope as Money. */
export type CallView = Omit<CallRow, 'envelopeAmount' | 'envelopeCurrency'> & { envelope: Money | null };

const viewOf = ({ envelopeAmount, envelopeCurrency, ...row }: CallRow): CallView => ({
  ...row,
  envelope:
    envelopeAmount !== null && envelopeCurrency !== null
      ? { amount: envelopeAmount, currency: envelopeCurrency }
      : null,
});

/** Open for applications on `on`: announced (neither closed nor cancelled) and within its dates. */
export const isOpenForApplications = (call: Pick<CallView, 'status' | 'opensOn' | 'closesOn'>, on: string): boolean =>
  call.status === 'ANNOUNCED' && call.opensOn <= on && on <= call.closesOn;

/** Calls are listed by opening date and id; the cursor carries both. */
const CURSOR = /^(\d{4}-\d{2}-\d{2})\|(.+)$/;
const cursorOf = (call: CallView) => encodeCursor(`${call.opensOn}|${call.id}`);

function afterKey(cursor: string): { afterOpensOn: string; afterId: string } {
  const match = CURSOR.exec(decodeCursor(cursor));
  if (!match) {
    throw ConcordError.badInput('INVALID_CURSOR', {
      path: 'after',
      value: cursor,
      message: 'is not a cursor returned by calls',
    });
  }
  return { afterOpensOn: match[1], afterId: match[2] };
}

/** Reads of the call table; resolvers call these, never repositories. Calls are public. */
@Injectable()
export class CallQueries {
  constructor(private readonly db: DataSource) {}

  async byId(id: string): Promise<CallView | null> {
    const row = await this.db.getRepository(CallRow).findOneBy({ id });
    return row && viewOf(row);
  }

  /** Whether the call is open for applications on `on` (an ISO date), today when omitted. */
  openForApplications(call: CallView, on: string | undefined): boolean {
    const day = on === undefined ? systemClock.now().toISOString().slice(0, 10) : validDate('on', on);
    return isOpenForApplications(call, day);
  }

  async list(filter: CallFilter, page: PageRequest): Promise<Page<CallView>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(CallRow).createQueryBuilder('c');
    if (filter.fundCode) query.andWhere('c.fundCode = :fundCode', { fundCode: filter.fundCode });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.openOn !== undefined) {
      const on = validDate('filter.openOn', filter.openOn);
      query.andWhere(`c.status = 'ANNOUNCED' AND c.opensOn <= :on AND c.closesOn >= :on`, { on });
    }
    const totalCount = countWhenAsked(query);
    if (page.after) query.andWhere('(c.opensOn, c.id) > (:afterOpensOn, :afterId)', afterKey(page.after));
    const rows = await query
      .orderBy('c.opensOn', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(size + 1)
      .getMany();
    const views = rows.slice(0, size).map(viewOf);
    return {
      nodes: views.map((node) => ({ cursor: cursorOf(node), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }
}
