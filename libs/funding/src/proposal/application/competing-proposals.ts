import { pageSize, type Actor } from '@concord/kernel';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProposalQueries, type ProposalView } from './proposal.queries';

/**
 * Competing proposals (ARCHITECTURE §7, the duplication detector's third kind): proposals from
 * different organisations to the same donor or call, for the same country and policy area or
 * guarantee, over overlapping dates, that no joint programme ties together. Drafts, rejected and
 * withdrawn proposals compete with nobody.
 */
export const COMPETING_STATUSES: readonly string[] = ['SUBMITTED', 'SHORTLISTED', 'FUNDED'];

/** A proposal as the rule sees it: plain data, from the read model, events or a detector's index. */
export interface CompetitionSubject {
  id: string;
  /** Every applicant's organisation code. */
  organisations: readonly string[];
  callId: string | null;
  donor: string | null;
  countries: readonly string[];
  policyAreas: readonly string[];
  guarantees: readonly string[];
  /** ISO dates, inclusive. */
  start: string;
  end: string;
  jointProgrammeId: string | null;
  status: string;
}

/** What two competing proposals have in common, in `a`'s order. */
export interface Competition {
  callId: string | null;
  donor: string | null;
  countries: string[];
  policyAreas: string[];
  guarantees: string[];
  overlap: { start: string; end: string };
}

const shared = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));

/** What `a` and `b` compete on, or null when they do not compete. Symmetric up to list order. */
export function competition(a: CompetitionSubject, b: CompetitionSubject): Competition | null {
  if (a.id === b.id) return null;
  if (!COMPETING_STATUSES.includes(a.status) || !COMPETING_STATUSES.includes(b.status)) return null;
  if (shared(a.organisations, b.organisations).length) return null;
  const callId = a.callId !== null && a.callId === b.callId ? a.callId : null;
  const donor = a.donor !== null && a.donor === b.donor ? a.donor : null;
  if (callId === null && donor === null) return null;
  const countries = shared(a.countries, b.countries);
  if (!countries.length) return null;
  const policyAreas = shared(a.policyAreas, b.policyAreas);
  const guarantees = shared(a.guarantees, b.guarantees);
  if (!policyAreas.length && !guarantees.length) return null;
  const overlap = { start: a.start > b.start ? a.start : b.start, end: a.end < b.end ? a.end : b.end };
  if (overlap.start > overlap.end) return null;
  if (a.jointProgrammeId !== null && a.jointProgrammeId === b.jointProgrammeId) return null;
  return { callId, donor, countries, policyAreas, guarantees, overlap };
}

/** Whether two proposals compete for the same money (see `competition`). */
export const competes = (a: CompetitionSubject, b: CompetitionSubject): boolean => competition(a, b) !== null;

export function subjectOf(proposal: ProposalView): CompetitionSubject {
  const { id, callId, donor, countries, policyAreas, guarantees, start, end, jointProgrammeId, status } = proposal;
  const organisations = proposal.applicants.map((a) => a.organisation);
  return { id, organisations, callId, donor, countries, policyAreas, guarantees, start, end, jointProgrammeId, status };
}

/** The call as a coordinator knows it: its fund and title, when the calls' read model has them. */
export interface CallLabel {
  fundCode: string | null;
  title: string | null;
}

/** Why two proposals compete, in words a coordinator understands. */
export function competitionReasons(
  a: Pick<CompetitionSubject, 'organisations'>,
  b: Pick<CompetitionSubject, 'organisations'>,
  found: Competition,
  call: CallLabel = { fundCode: null, title: null },
): string[] {
  const recipient =
    found.callId !== null
      ? `Both ask the ${[call.fundCode, 'call', call.title ? `"${call.title}"` : found.callId].filter(Boolean).join(' ')}`
      : `Both ask ${found.donor} for funding`;
  return [
    recipient,
    `No applicant in common: ${a.organisations.join(', ')} / ${b.organisations.join(', ')}`,
    `Both in ${found.countries.join(', ')}`,
    `Both on ${[...found.policyAreas, ...found.guarantees].join(', ')}`,
    `Overlap ${found.overlap.start} – ${found.overlap.end}`,
    'No joint programme in common',
  ];
}

export interface CompetingProposalsFilter {
  /** Pairs that share this country. */
  country?: string;
  callId?: string;
  donor?: string;
}

export interface CompetingPair extends Competition {
  a: ProposalView;
  b: ProposalView;
  reasons: string[];
}

/** One row per competing pair, `a.id < b.id`: the same rule as `competition`, in one self-join. */
const PAIRS = `
  SELECT a.id AS a_id, b.id AS b_id, a.call_id, c.fund_code AS call_fund_code, c.title AS call_title,
         CASE WHEN a.donor = b.donor THEN a.donor END AS donor,
         ARRAY(SELECT x FROM unnest(a.countries) WITH ORDINALITY AS t(x, n)
                WHERE x = ANY(b.countries) ORDER BY n) AS countries,
         ARRAY(SELECT x FROM unnest(a.policy_areas) WITH ORDINALITY AS t(x, n)
                WHERE x = ANY(b.policy_areas) ORDER BY n) AS policy_areas,
         ARRAY(SELECT x FROM unnest(a.guarantees) WITH ORDINALITY AS t(x, n)
                WHERE x = ANY(b.guarantees) ORDER BY n) AS guarantees,
         to_char(greatest(a.start_date, b.start_date), 'YYYY-MM-DD') AS overlap_start,
         to_char(least(a.end_date, b.end_date), 'YYYY-MM-DD') AS overlap_end
    FROM funding_proposals a
    JOIN funding_proposals b ON a.id < b.id
    LEFT JOIN funding_calls c ON c.id = a.call_id AND a.call_id = b.call_id
   WHERE a.status = ANY($1) AND b.status = ANY($1)
     AND NOT (a.applicant_organisations && b.applicant_organisations)
     AND ((a.call_id IS NOT NULL AND a.call_id = b.call_id) OR (a.donor IS NOT NULL AND a.donor = b.donor))
     AND a.countries && b.countries
     AND (a.policy_areas && b.policy_areas OR a.guarantees && b.guarantees)
     AND a.start_date <= b.end_date AND b.start_date <= a.end_date
     AND (a.joint_programme_id IS NULL OR b.joint_programme_id IS NULL
          OR a.joint_programme_id <> b.joint_programme_id)
     AND ($2::text IS NULL OR ($2 = ANY(a.countries) AND $2 = ANY(b.countries)))
     AND ($3::text IS NULL OR a.call_id = $3)
     AND ($4::text IS NULL OR a.donor = $4)
   ORDER BY a.id, b.id
   LIMIT $5`;

interface PairRow {
  a_id: string;
  b_id: string;
  call_id: string | null;
  call_fund_code: string | null;
  call_title: string | null;
  donor: string | null;
  countries: string[];
  policy_areas: string[];
  guarantees: string[];
  overlap_start: string;
  overlap_end: string;
}

@Injectable()
export class CompetingProposals {
  constructor(
    private readonly db: DataSource,
    private readonly proposals: ProposalQueries,
  ) {}

  /** Competing pairs, at most `first` (default 20, at most 100), ordered by the ids of the pair. */
  async pairs(
    filter: CompetingProposalsFilter,
    first: number | null | undefined,
    viewer: Actor | undefined,
  ): Promise<CompetingPair[]> {
    const rows: PairRow[] = await this.db.query(PAIRS, [
      COMPETING_STATUSES,
      filter.country ?? null,
      filter.callId ?? null,
      filter.donor ?? null,
      pageSize(first),
    ]);
    const views = await this.proposals.byIds([...new Set(rows.flatMap((r) => [r.a_id, r.b_id]))], viewer);
    const byId = new Map(views.map((v) => [v.id, v]));
    return rows.flatMap((row) => {
      const [a, b] = [byId.get(row.a_id), byId.get(row.b_id)];
      if (!a || !b) return [];
      const found: Competition = {
        callId: row.call_id !== null && a.callId === b.callId ? row.call_id : null,
        donor: row.donor,
        countries: row.countries,
        policyAreas: row.policy_areas,
        guarantees: row.guarantees,
        overlap: { start: row.overlap_start, end: row.overlap_end },
      };
      const call = { fundCode: row.call_fund_code ?? a.fundCode, title: row.call_title };
      return [{ a, b, ...found, reasons: competitionReasons(subjectOf(a), subjectOf(b), found, call) }];
    });
  }
}
