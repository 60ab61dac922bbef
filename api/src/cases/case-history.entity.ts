import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One accepted event of a case or of one of its actions: the case's timeline. */
@Entity({ name: 'case_history' })
export class CaseHistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Index() @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'uuid', nullable: true }) actionId!: string | null;
  @Column({ type: 'text' }) eventType!: string;
  @Column({ type: 'jsonb', nullable: true }) payload!: object | null;
  @Column({ type: 'text', nullable: true }) fromState!: string | null;
  @Column({ type: 'text' }) toState!: string;
  /** The version the event produced. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'uuid', nullable: true }) actorOrganizationId!: string | null;
  @Column({ type: 'timestamptz' }) at!: Date;
}
