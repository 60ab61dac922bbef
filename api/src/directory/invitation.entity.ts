import type { Role } from '@samverka/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';

/**
 * An invitation to join as a person of an organisation. Only the SHA-256 of the link's token is stored, so the
 * database alone cannot be used to accept one; a link works once (acceptedAt) and until expiresAt or revokedAt.
 */
@Entity({ name: 'invitations' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column({ type: 'text' }) tokenHash!: string;
  /** Stored in lower case. */
  @Column({ type: 'text' }) email!: string;
  @Index() @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'organization_id' }) organization!: Organization;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ type: 'uuid', nullable: true }) invitedById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  /** The account the invitation became. */
  @Column({ type: 'uuid', nullable: true }) userId!: string | null;
}
