import { ConcordError, decodeCursor, encodeCursor, pageSize, type Actor, type PageRequest } from '@concord/kernel';
import { countWhenAsked, type Page } from '@concord/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import type { Money } from '../../money/money';
import type { Applicant } from '../domain/proposal.events';
import { ProposalRow } from '../read-model/proposal.rows';
import { seesDrafts } from './proposal.policy';

export interface ProposalFilter {
  country?: string;
  callId?: string;
  donor?: string;
  /** Any applicant's organisation code, lead or co-applicant. */
  organisation?: string;
  status?: string;
  policyArea?: string;
}

/** A proposal as GraphQL shows it: amounts as Money, and whether several organisations apply. */
export interface ProposalView {
  id: string;
  title: string;
  applicants: Applicant[];
  leadOrganisation: string;
  callId: string | null;
  fundCode: string | null;
  donor: string | null;
  countries: string[];
  policyAreas: string[];
  guarantees: string[];
  requested: Money;
  coFunding: Money | null;
  funded: Money | null;
  /** More than one applicant. */
  joint: boolean;
  jointProgrammeId: string | null;
  start: string;
  end: string;
  status: string;
  statusReason: string | null;
  submittedOn: string | null;
  shortlistedOn: string | null;
  decidedOn: string | null;
  withdrawnOn: string | null;
  version: number;
  draftedAt: Date;
  updatedAt: Date;
}

const money = (amount: string | null, currency: string | null): Money | null =>
  amount === null || currency === null ? null : { amount, currency };

export function toView(row: ProposalRow): ProposalView {
  const { requestedAmount, requestedCurrency, coFundingAmount, coFundingCurrency, fundedAmount, fundedCurrency } = row;
  return {
    id: row.id,
    title: row.title,
    applicants: row.applicants,
    leadOrganisation: row.leadOrganisation,
    callId: row.callId,
    fundCode: row.fundCode,
    donor: row.donor,
    countries: row.countries,
    policyAreas: row.policyAreas,
    guarantees: row.guarantees,
    requested: { amount: requestedAmount, currency: requestedCurrency },
    coFunding: money(coFundingAmount, coFundingCurrency),
    funded: money(fundedAmount, fundedCurrency),
    joint: row.applicantOrganisations.length > 1,
    jointProgrammeId: row.jointProgrammeId,
    start: row.startDate,
    end: row.endDate,
    status: row.status,
    statusReason: row.statusReason,
    submittedOn: row.submittedOn,
    shortlistedOn: row.shortlistedOn,
    decidedOn: row.decidedOn,
    withdrawnOn: row.withdrawnOn,
    version: row.version,
    draftedAt: row.draftedAt,
    updatedAt: row.updatedAt,
  };
}

/** Proposals are listed in the order they were drafted; the cursor carries the time and the id. */
const SEPARATOR = '\u001f';
const cursorOf = (view: ProposalView) => encodeCursor([view.draftedAt.toISOString(), view.id].join(SEPARATOR));

function afterKey(cursor: string): { afterAt: string; afterId: string } {
  const [afterAt, afterId, ...rest] = decodeCursor(cursor).split(SEPARATOR);
  if (afterId === undefined || rest.length || Number.isNaN(Date.parse(afterAt))) {
    throw ConcordError.badInput('INVALID_CURSOR', {
      path: 'after',
      value: cursor,
      message: 'is not a cursor returned by proposals',
    });
  }
  return { afterAt, afterId };
}

/**
 * Reads of the proposal table; resolvers call these, never repositories. Each read takes the
 * viewer: drafts are shown to signed-in callers only.
 */
@Injectable()
export class ProposalQueries {
  constructor(private readonly db: DataSource) {}

  async byId(id: string, viewer: Actor | undefined): Promise<ProposalView | null> {
    const where = seesDrafts(viewer) ? { id } : { id, status: Not('DRAFT') };
    const row = await this.db.getRepository(ProposalRow).findOneBy(where);
    return row && toView(row);
  }

  /** Several proposals by id, drafts only for signed-in viewers (for DataLoaders and pairs). */
  async byIds(ids: readonly string[], viewer: Actor | undefined): Promise<ProposalView[]> {
    const rows = await this.db.getRepository(ProposalRow).findBy({ id: In([...ids]) });
    return rows.filter((row) => seesDrafts(viewer) || row.status !== 'DRAFT').map(toView);
  }

  async list(filter: ProposalFilter, page: PageRequest, viewer: Actor | undefined): Promise<Page<ProposalView>> {
    const size = pageSize(page.first);
    const query = this.db.getRepository(ProposalRow).createQueryBuilder('p');
    // In SQL, so that totalCount and the pages count only what the caller sees.
    if (!seesDrafts(viewer)) query.andWhere(`p.status <> 'DRAFT'`);
    if (filter.country) query.andWhere('p.countries @> ARRAY[:country]::text[]', { country: filter.country });
    if (filter.callId) query.andWhere('p.call_id = :callId', { callId: filter.callId });
    if (filter.donor) query.andWhere('p.donor = :donor', { donor: filter.donor });
    if (filter.organisation) {
      query.andWhere('p.applicant_organisations @> ARRAY[:organisation]::text[]', {
        organisation: filter.organisation,
      });
    }
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.policyArea) {
      query.andWhere('p.policy_areas @> ARRAY[:policyArea]::text[]', { policyArea: filter.policyArea });
    }
    const totalCount = countWhenAsked(query);
    if (page.after) query.andWhere('(p.drafted_at, p.id) > (:afterAt::timestamptz, :afterId)', afterKey(page.after));
    const rows = await query
      .orderBy('p.drafted_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(size + 1)
      .getMany();
    const views = rows.slice(0, size).map(toView);
    return {
      nodes: views.map((node) => ({ cursor: cursorOf(node), node })),
      hasNextPage: rows.length > size,
      totalCount,
    };
  }
}
