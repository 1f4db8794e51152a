import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BudgetLine, ExternalId, LocalisedText, Partner } from '../domain/activity.events';

/** One activity, shaped for who-does-what-where queries: lists as text[] so filters use GIN indexes. */
@Entity('programming_activities')
export class ActivityRow {
  @PrimaryColumn('text') id!: string;
  /** The English title, else the title in the activity's own language: what text search and lists show. */
  @Column('text') title!: string;
  @Column('jsonb') titles!: LocalisedText;
  @Column('jsonb') descriptions!: LocalisedText;
  @Column('text') language!: string;
  @Column('text') organisation!: string;
  @Column('jsonb') partners!: Partner[];
  /** The partners' organisation codes, for the "lead or partner" filter. */
  @Column('text', { name: 'partner_organisations', array: true }) partnerOrganisations!: string[];
  @Column('text') country!: string;
  @Column('text', { array: true }) areas!: string[];
  @Column('text', { name: 'policy_areas', array: true }) policyAreas!: string[];
  @Column('text', { array: true }) guarantees!: string[];
  @Column('text', { array: true }) stages!: string[];
  @Column('text', { array: true }) functions!: string[];
  @Column('text', { name: 'target_groups', array: true }) targetGroups!: string[];
  @Column('text', { array: true }) counterparts!: string[];
  @Column('date', { name: 'start_date' }) startDate!: string;
  @Column('date', { name: 'end_date' }) endDate!: string;
  @Column('text') status!: string;
  @Column('jsonb') budget!: BudgetLine[];
  /** Set only when every budget line is in one currency; the totals are in it. */
  @Column('text', { name: 'budget_currency', nullable: true }) budgetCurrency!: string | null;
  @Column('numeric', { name: 'budget_required', precision: 18, scale: 2, nullable: true })
  budgetRequired!: string | null;
  @Column('numeric', { name: 'budget_available', precision: 18, scale: 2, nullable: true })
  budgetAvailable!: string | null;
  @Column('numeric', { name: 'budget_spent', precision: 18, scale: 2, nullable: true }) budgetSpent!: string | null;
  @Column('text', { name: 'funding_sources', array: true }) fundingSources!: string[];
  @Column('text', { name: 'joint_programme_id', nullable: true }) jointProgrammeId!: string | null;
  @Column('text', { name: 'framework_output_id', nullable: true }) frameworkOutputId!: string | null;
  @Column('text', { name: 'sdg_targets', array: true }) sdgTargets!: string[];
  @Column('smallint', { name: 'gender_marker', nullable: true }) genderMarker!: number | null;
  @Column('smallint', { name: 'human_rights_marker', nullable: true }) humanRightsMarker!: number | null;
  @Column('jsonb', { name: 'external_ids' }) externalIds!: ExternalId[];
  @Column('text') source!: string;
  /** Whether anonymous callers see it (ADR 0007). */
  @Column('boolean') published!: boolean;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
