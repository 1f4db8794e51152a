import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Indicator } from '../domain/cooperation-framework.events';

@Entity('programming_frameworks')
export class CooperationFrameworkRow {
  @PrimaryColumn('text') id!: string;
  @Column('text', { unique: true }) code!: string;
  @Column('text') title!: string;
  @Column('text', { array: true }) countries!: string[];
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date' }) endDate!: string;
  @Column('text') status!: string;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** One strategic priority, outcome or output; `countries` are its framework's, for linking checks. */
@Entity('programming_framework_results')
export class FrameworkResultRow {
  /** `frameworkResultId(frameworkId, code)` */
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'framework_id' }) frameworkId!: string;
  @Column('text', { name: 'framework_code' }) frameworkCode!: string;
  @Column('text') kind!: string;
  @Column('text') code!: string;
  @Column('text', { name: 'parent_code', nullable: true }) parentCode!: string | null;
  @Column('text') title!: string;
  @Column('text', { array: true }) countries!: string[];
  @Column('text', { name: 'sdg_targets', array: true }) sdgTargets!: string[];
  @Column('jsonb') indicators!: Indicator[];
  /** The stream version that added it: the framework's own order of results. */
  @Column('int') position!: number;
}
