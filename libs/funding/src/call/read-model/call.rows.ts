import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallEligibility } from '../domain/call.events';

/** One row per call; the envelope is split into a numeric amount and its currency. */
@Entity('funding_calls')
export class CallRow {
  @PrimaryColumn('text') id!: string;
  /** The Fund stream id. */
  @Column('text', { name: 'fund_id' }) fundId!: string;
  @Column('text', { name: 'fund_code' }) fundCode!: string;
  @Column('text') title!: string;
  /** A window code of the fund, or null. */
  @Column('text', { nullable: true }) window!: string | null;
  @Column('text') theme!: string;
  /** A decimal string as Postgres numeric returns it. */
  @Column('numeric', { name: 'envelope_amount', nullable: true }) envelopeAmount!: string | null;
  @Column('text', { name: 'envelope_currency', nullable: true }) envelopeCurrency!: string | null;
  @Column('date', { name: 'opens_on' }) opensOn!: string;
  @Column('date', { name: 'closes_on' }) closesOn!: string;
  @Column('jsonb') eligibility!: CallEligibility;
  @Column('text') status!: string;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn!: string | null;
  @Column('text', { name: 'cancel_reason', nullable: true }) cancelReason!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
