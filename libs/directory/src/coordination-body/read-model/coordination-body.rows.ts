import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalisedNames } from '../../organisation/domain/organisation.events';

@Entity('directory_coordination_bodies')
export class CoordinationBodyRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('jsonb') names!: LocalisedNames;
  @Column('text', { nullable: true }) country!: string | null;
  @Column('text', { nullable: true }) region!: string | null;
  @Column('text') kind!: string;
  @Column('text', { nullable: true }) cadence!: string | null;
  @Column('text', { name: 'terms_of_reference', nullable: true }) termsOfReference!: string | null;
  @Column('text', { name: 'terms_of_reference_url', nullable: true }) termsOfReferenceUrl!: string | null;
  @Column('text') status!: string;
  @Column('date', { name: 'dissolved_on', nullable: true }) dissolvedOn!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'established_at' }) establishedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('directory_body_members')
export class BodyMemberRow {
  @PrimaryColumn('text', { name: 'body_id' }) bodyId!: string;
  @PrimaryColumn('text', { name: 'organisation' }) organisationCode!: string;
  @Column('boolean', { name: 'is_chair' }) isChair!: boolean;
  @Column('date') since!: string;
}

/** One unordered pair of members: `orgA` sorts before `orgB`. */
@Entity('directory_body_interactions')
export class BodyInteractionRow {
  @PrimaryColumn('text', { name: 'body_id' }) bodyId!: string;
  @PrimaryColumn('text', { name: 'org_a' }) orgA!: string;
  @PrimaryColumn('text', { name: 'org_b' }) orgB!: string;
  @Column('text') level!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}

@Entity('directory_body_divisions')
export class BodyDivisionRow {
  @PrimaryColumn('text', { name: 'body_id' }) bodyId!: string;
  @PrimaryColumn('int') seq!: number;
  @Column('text', { array: true }) organisations!: string[];
  @Column('text') topic!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
