import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OverDisbursement } from '../domain/contribution.events';

@Entity('funding_contributions')
export class ContributionRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') title!: string;
  @Column('text') donor!: string;
  @Column('text', { name: 'recipient_kind' }) recipientKind!: string;
  @Column('text', { name: 'recipient_ref' }) recipientRef!: string;
  @Column('text', { nullable: true }) organisation!: string | null;
  @Column('text', { name: 'joint_programme_id', nullable: true }) jointProgrammeId!: string | null;
  @Column('text', { name: 'fund_code', nullable: true }) fundCode!: string | null;
  @Column('text') currency!: string;
  @Column('text') earmarking!: string;
  @Column('text') modality!: string;
  @Column('text', { nullable: true }) country!: string | null;
  @Column('text', { name: 'framework_outcome_id', nullable: true }) frameworkOutcomeId!: string | null;
  /** Money to a joint programme or a fund is joint; to one organisation, single-agency. */
  @Column('boolean') joint!: boolean;
  /** Set when more was reported spent than received (ContributionOverspent). */
  @Column('numeric', { name: 'overspent_by', nullable: true }) overspentBy!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A transaction with its contribution's dimensions and its amount in the reporting currency. */
@Entity('funding_transactions')
export class TransactionRow {
  @PrimaryColumn('text', { name: 'contribution_id' }) contributionId!: string;
  @PrimaryColumn('int') number!: number;
  @Column('text') type!: string;
  @Column('numeric') amount!: string;
  @Column('text') currency!: string;
  @Column('date', { name: 'value_date' }) valueDate!: string;
  @Column('int') year!: number;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('jsonb', { name: 'over_disbursement', nullable: true }) overDisbursement!: OverDisbursement | null;
  @Column('text') donor!: string;
  @Column('text', { nullable: true }) organisation!: string | null;
  @Column('text', { name: 'joint_programme_id', nullable: true }) jointProgrammeId!: string | null;
  @Column('text', { name: 'fund_code', nullable: true }) fundCode!: string | null;
  @Column('text', { nullable: true }) country!: string | null;
  @Column('text', { name: 'framework_outcome_id', nullable: true }) frameworkOutcomeId!: string | null;
  @Column('text') earmarking!: string;
  @Column('text') modality!: string;
  @Column('boolean') joint!: boolean;
  @Column('numeric', { name: 'amount_usd', nullable: true }) amountUsd!: string | null;
  @Column('numeric', { nullable: true }) rate!: string | null;
  @Column('date', { name: 'rate_date', nullable: true }) rateDate!: string | null;
  @Column('text', { name: 'rate_source', nullable: true }) rateSource!: string | null;
}

@Entity('funding_exchange_rates')
export class ExchangeRateRow {
  @PrimaryColumn('text') currency!: string;
  @PrimaryColumn('date', { name: 'on_date' }) onDate!: string;
  @Column('numeric') rate!: string;
  @Column('text') source!: string;
}
