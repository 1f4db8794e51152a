import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FundWindow } from '../domain/fund.events';

/** One row per fund; the target is split into a numeric amount and its currency. */
@Entity('funding_funds')
export class FundRow {
  @PrimaryColumn('text') id!: string;
  @Column('text', { unique: true }) code!: string;
  @Column('text') name!: string;
  @Column('text') kind!: string;
  @Column('text', { name: 'managing_organisation' }) managingOrganisationCode!: string;
  @Column('text', { array: true }) contributors!: string[];
  @Column('jsonb') windows!: FundWindow[];
  /** A decimal string as Postgres numeric returns it. */
  @Column('numeric', { name: 'target_amount', nullable: true }) targetAmount!: string | null;
  @Column('text', { name: 'target_currency', nullable: true }) targetCurrency!: string | null;
  @Column('date', { name: 'start_date', nullable: true }) start!: string | null;
  @Column('date', { name: 'end_date', nullable: true }) end!: string | null;
  @Column('text') status!: string;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
