import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Applicant } from '../domain/proposal.events';

/**
 * One row per proposal, shaped for the proposal lists, the competing-proposals self-join and the
 * call summaries. Amounts are Postgres `numeric` read back as decimal strings, never floats.
 */
@Entity('funding_proposals')
export class ProposalRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') title!: string;
  /** The lead first, then the co-applicants, as in the events. */
  @Column('jsonb') applicants!: Applicant[];
  /** Every applicant's organisation code, for `&&` and `@>` on a GIN index. */
  @Column('text', { name: 'applicant_organisations', array: true }) applicantOrganisations!: string[];
  @Column('text', { name: 'lead_organisation' }) leadOrganisation!: string;
  @Column('text', { name: 'call_id', nullable: true }) callId!: string | null;
  /** The fund of the call, from `funding_calls` when the proposal was drafted or moved to the call. */
  @Column('text', { name: 'fund_code', nullable: true }) fundCode!: string | null;
  @Column('text', { nullable: true }) donor!: string | null;
  @Column('text', { array: true }) countries!: string[];
  @Column('text', { name: 'policy_areas', array: true }) policyAreas!: string[];
  @Column('text', { array: true }) guarantees!: string[];
  @Column('numeric', { name: 'requested_amount' }) requestedAmount!: string;
  @Column('text', { name: 'requested_currency' }) requestedCurrency!: string;
  @Column('numeric', { name: 'co_funding_amount', nullable: true }) coFundingAmount!: string | null;
  @Column('text', { name: 'co_funding_currency', nullable: true }) coFundingCurrency!: string | null;
  @Column('numeric', { name: 'funded_amount', nullable: true }) fundedAmount!: string | null;
  @Column('text', { name: 'funded_currency', nullable: true }) fundedCurrency!: string | null;
  @Column('text', { name: 'joint_programme_id', nullable: true }) jointProgrammeId!: string | null;
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date' }) endDate!: string;
  @Column('text') status!: string;
  /** Why it was rejected or withdrawn. */
  @Column('text', { name: 'status_reason', nullable: true }) statusReason!: string | null;
  @Column('date', { name: 'submitted_on', nullable: true }) submittedOn!: string | null;
  @Column('date', { name: 'shortlisted_on', nullable: true }) shortlistedOn!: string | null;
  /** When it was funded or rejected. */
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn!: string | null;
  @Column('date', { name: 'withdrawn_on', nullable: true }) withdrawnOn!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'drafted_at' }) draftedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
