import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Contribution } from '../../detector/domain/pair-scoring';
import type { FlagSubject } from '../domain/duplication-flag.events';

export interface FlagComment {
  by: string;
  organisation: string | null;
  text: string;
  at: string;
}

/** One flag as coordinators list it: what, how sure, why, and what people decided. */
@Entity('duplication_flags')
export class DuplicationFlagRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') kind!: string;
  @Column('text') status!: string;
  @Column('numeric') score!: string;
  @Column('jsonb') subjects!: FlagSubject[];
  @Column('text', { name: 'subject_ids', array: true }) subjectIds!: string[];
  @Column('text') country!: string;
  @Column('text', { array: true }) organisations!: string[];
  @Column('jsonb') contributions!: Contribution[];
  @Column('text') fingerprint!: string;
  /** FALSE_POSITIVE / COMPLEMENTARY when dismissed, the resolution when resolved, CONFIRMED when confirmed. */
  @Column('text', { nullable: true }) decision!: string | null;
  @Column('text', { name: 'decision_reason', nullable: true }) decisionReason!: string | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('jsonb') comments!: FlagComment[];
  @Column('int') version!: number;
  @Column('timestamptz', { name: 'raised_at' }) raisedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
