import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `personName`, `email` and `phone` are personal data: FocalPointQueries hides them from anonymous callers. */
@Entity('directory_focal_points')
export class FocalPointRow {
  @PrimaryColumn('text') id!: string;
  @Column('text', { name: 'person_name' }) personName!: string;
  @Column('text') email!: string;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('text', { name: 'organisation' }) organisationCode!: string;
  @Column('text') country!: string;
  @Column('text') role!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') status!: string;
  @Column('date', { name: 'left_on', nullable: true }) leftOn!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
