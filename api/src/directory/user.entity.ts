import type { Role } from '@samverka/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';

/** A person who signs in; belongs to one organisation and holds one or more roles. */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  /** Stored in lower case; unique. */
  @Index({ unique: true }) @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) passwordHash!: string;
  @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'organization_id' }) organization!: Organization;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** The language of the mails the user receives (`sv` or `en`). */
  @Column({ type: 'text', default: 'sv' }) language!: 'sv' | 'en';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
