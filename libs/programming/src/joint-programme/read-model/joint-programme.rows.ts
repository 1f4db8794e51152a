import { Decimal } from 'decimal.js';
import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { AgencyExpenditure, AgencyNarrative, IndicatorActual } from '../domain/joint-programme.events';

/** NUMERIC comes back as '60.0000'; shown as the decimal it is ('60'), still a string. */
const decimalString: ValueTransformer = {
  to: (value: string | null) => value,
  from: (value: string | null) => (value === null ? null : new Decimal(value).toFixed()),
};

@Entity('programming_joint_programmes')
export class JointProgrammeRow {
  @PrimaryColumn('text') id!: string;
  @Column('text', { unique: true }) code!: string;
  @Column('text') title!: string;
  @Column('text', { array: true }) countries!: string[];
  @Column('text', { name: 'lead_organisation', nullable: true }) leadOrganisation!: string | null;
  @Column('text') status!: string;
  /** Why it was rejected or cancelled. */
  @Column('text', { name: 'status_reason', nullable: true }) statusReason!: string | null;
  @Column('date', { name: 'start_date', nullable: true }) startDate!: string | null;
  @Column('date', { name: 'end_date', nullable: true }) endDate!: string | null;
  @Column('text', { name: 'policy_areas', array: true }) policyAreas!: string[];
  @Column('text', { name: 'target_groups', array: true }) targetGroups!: string[];
  @Column('text', { name: 'sdg_targets', array: true }) sdgTargets!: string[];
  @Column('smallint', { name: 'gender_marker', nullable: true }) genderMarker!: number | null;
  @Column('text', { array: true }) counterparts!: string[];
  @Column('text', { name: 'funding_sources', array: true }) fundingSources!: string[];
  /** Whether anonymous callers see it (ADR 0007). */
  @Column('boolean') published!: boolean;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('programming_jp_participants')
export class JpParticipantRow {
  @PrimaryColumn('text', { name: 'jp_id' }) jpId!: string;
  @PrimaryColumn('text') organisation!: string;
  @Column('text') role!: string;
  @Column('numeric', { name: 'budget_share', precision: 7, scale: 4, nullable: true, transformer: decimalString })
  budgetShare!: string | null;
  /** Order as listed in the programme document. */
  @Column('int') position!: number;
}

@Entity('programming_jp_result_links')
export class JpResultLinkRow {
  @PrimaryColumn('text', { name: 'jp_id' }) jpId!: string;
  /** A `programming_framework_results` id. */
  @PrimaryColumn('text', { name: 'result_id' }) resultId!: string;
  @Column('text') kind!: string;
  @Column('timestamptz', { name: 'linked_at' }) linkedAt!: Date;
}

/** The latest report for a period; `revision` counts the reports given for it (1 = never revised). */
@Entity('programming_jp_reports')
export class JpReportRow {
  @PrimaryColumn('text', { name: 'jp_id' }) jpId!: string;
  @PrimaryColumn('text') period!: string;
  @Column('jsonb') actuals!: IndicatorActual[];
  @Column('jsonb') expenditure!: AgencyExpenditure[];
  @Column('jsonb') narrative!: AgencyNarrative[];
  @Column('int') revision!: number;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  @Column('timestamptz', { name: 'revised_at' }) revisedAt!: Date;
}
