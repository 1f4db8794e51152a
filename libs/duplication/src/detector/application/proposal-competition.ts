import { COMPETING_STATUSES, competition, competitionReasons, type CompetitionSubject } from '@concord/funding';
import type { DataSource } from 'typeorm';
import { digest } from '../domain/fingerprint';
import type { Contribution } from '../domain/pair-scoring';
import type { FoundFlag } from '../../flag/application/found-flag';

interface ProposalSubject extends CompetitionSubject {
  fundCode: string | null;
  callTitle: string | null;
}

const SELECT = `
  SELECT p.id, p.applicant_organisations AS organisations, p.call_id AS "callId", p.donor, p.countries,
         p.policy_areas AS "policyAreas", p.guarantees, to_char(p.start_date, 'YYYY-MM-DD') AS start,
         to_char(p.end_date, 'YYYY-MM-DD') AS end, p.joint_programme_id AS "jointProgrammeId", p.status,
         p.fund_code AS "fundCode", c.title AS "callTitle"
    FROM funding_proposals p LEFT JOIN funding_calls c ON c.id = p.call_id`;

/** Points per reason: asking the same donor or call is what makes two proposals compete, so it counts double. */
const POINTS = [2, 1, 1, 1, 1, 1];

/**
 * Competing proposals (the third kind): the funding context's rule (`competition`) applied to
 * every pair asking the same donor or call for the same country, or only to the pairs of some
 * changed proposals. Rule-based: the score counts the conditions met.
 */
export async function competingProposalFindings(db: DataSource, ids?: readonly string[]): Promise<FoundFlag[]> {
  const subjects: ProposalSubject[] = ids
    ? await db.query(`${SELECT} WHERE p.id = ANY($1)`, [ids])
    : await db.query(`${SELECT} WHERE p.status = ANY($1)`, [COMPETING_STATUSES]);
  const rivals: ProposalSubject[] = ids
    ? await db.query(
        `${SELECT} WHERE p.status = ANY($1) AND p.id <> ALL($2) AND p.countries && $3
            AND (p.call_id = ANY($4) OR p.donor = ANY($5))`,
        [
          COMPETING_STATUSES,
          ids,
          subjects.flatMap((s) => s.countries),
          subjects.flatMap((s) => (s.callId ? [s.callId] : [])),
          subjects.flatMap((s) => (s.donor ? [s.donor] : [])),
        ],
      )
    : [];
  const pool = [...subjects, ...rivals];
  // Blocking: only proposals to the same call or donor, in the same country, are compared.
  const blocks = new Map<string, ProposalSubject[]>();
  for (const p of pool)
    for (const country of p.countries)
      for (const to of [p.callId && `call:${p.callId}`, p.donor && `donor:${p.donor}`].filter(Boolean)) {
        const key = `${country}\u001f${to}`;
        const block = blocks.get(key) ?? [];
        block.push(p);
        blocks.set(key, block);
      }
  const changed = new Set(subjects.map((s) => s.id));
  const seen = new Set<string>();
  const found: FoundFlag[] = [];
  for (const block of blocks.values())
    for (let i = 0; i < block.length; i++)
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = block[i].id < block[j].id ? [block[i], block[j]] : [block[j], block[i]];
        const key = `${a.id}\u001f${b.id}`;
        if (seen.has(key) || (!changed.has(a.id) && !changed.has(b.id))) continue;
        seen.add(key);
        const rivalry = competition(a, b);
        if (!rivalry) continue;
        const reasons = competitionReasons(a, b, rivalry, { fundCode: a.fundCode, title: a.callTitle });
        const contributions: Contribution[] = reasons.map((says, k) => ({
          signal: ['recipient', 'applicants', 'countries', 'themes', 'period', 'jointProgramme'][k],
          says,
          points: POINTS[k],
        }));
        found.push({
          subjects: [
            { type: 'PROPOSAL', id: a.id },
            { type: 'PROPOSAL', id: b.id },
          ],
          country: rivalry.countries[0],
          organisations: [...new Set([...a.organisations, ...b.organisations])],
          finding: {
            kind: 'COMPETING_PROPOSALS',
            score: contributions.reduce((sum, c) => sum + c.points, 0),
            contributions,
            fingerprint: digest([a, b]),
          },
        });
      }
  return found;
}
