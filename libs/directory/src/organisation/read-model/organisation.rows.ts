import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LocalisedNames } from '../domain/organisation.events';

@Entity('directory_organisations')
export class OrganisationRow {
  @PrimaryColumn('text') id!: string;
  @Column('text', { unique: true }) code!: string;
  @Column('text') name!: string;
  @Column('jsonb') names!: LocalisedNames;
  @Column('text') type!: string;
  @Column('text', { name: 'iati_org_id', nullable: true }) iatiOrgId!: string | null;
  @Column('text', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

@Entity('directory_mandates')
export class MandateRow {
  @PrimaryColumn('text', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('text', { name: 'area_kind' }) areaKind!: string;
  @PrimaryColumn('text', { name: 'area_code' }) areaCode!: string;
  @Column('text') level!: string;
}

@Entity('directory_presences')
export class PresenceRow {
  @PrimaryColumn('text', { name: 'organisation_id' }) organisationId!: string;
  @PrimaryColumn('text') country!: string;
  @Column('text') residency!: string;
  @Column('text', { nullable: true }) office!: string | null;
  @Column('timestamptz', { name: 'established_at' }) establishedAt!: Date;
}
