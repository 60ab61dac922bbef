import type { StoredSnapshot } from '@samverka/workflows';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EstCase } from '../cases/case.entity';
import { Organization } from '../directory/organization.entity';
import { User } from '../directory/user.entity';

/** An agreed action (insats) of a case, in Brå's action-plan columns; its state lives in the action machine's snapshot. */
@Entity({ name: 'case_actions' })
export class AgreedAction {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) caseId!: string;
  @ManyToOne(() => EstCase, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'case_id' }) estCase!: EstCase;
  /** Its number within the case's plan (1, 2, …). */
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) cause!: string;
  @Column({ type: 'text' }) what!: string;
  @Column({ type: 'text' }) goal!: string;
  @Index() @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'organization_id' }) organization!: Organization;
  @Index() @Column({ type: 'uuid', nullable: true }) ownerId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true }) @JoinColumn({ name: 'owner_id' }) owner!: User | null;
  @Column({ type: 'date', nullable: true }) startDate!: string | null;
  @Index() @Column({ type: 'date' }) dueDate!: string;
  @Column({ type: 'text' }) kind!: 'one_off' | 'ordinary';
  @Column({ type: 'text' }) term!: 'short' | 'long';
  /** Brå's follow-up column: how and by whom it is followed up, and when. */
  @Column({ type: 'text', nullable: true }) followUp!: string | null;
  @Column({ type: 'date', nullable: true }) followUpDate!: string | null;
  @Index() @Column({ type: 'text' }) state!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) snapshot!: StoredSnapshot;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
