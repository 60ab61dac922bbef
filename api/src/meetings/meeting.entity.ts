import type { MeetingRole } from '@samverka/contracts';
import type { AgendaItemDto, MeetingKind } from '@samverka/contracts';
import type { StoredSnapshot } from '@samverka/workflows';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A meeting with its agenda, decisions and minutes; its state lives in the meeting machine's snapshot. */
@Entity({ name: 'meetings' })
export class Meeting {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: MeetingKind;
  @Column({ type: 'text' }) title!: string;
  @Index() @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'text' }) place!: string;
  @Column({ type: 'uuid', array: true }) areaIds!: string[];
  @Column({ type: 'uuid', array: true }) organizationIds!: string[];
  /** Who is invited or came: people of the participating organisations (userId, possibly a role) and guests by name. */
  @Column({ type: 'jsonb' }) participants!: StoredParticipant[];
  @Column({ type: 'jsonb' }) agenda!: AgendaItemDto[];
  @Column({ type: 'text', nullable: true }) currentItemId!: string | null;
  @Index() @Column({ type: 'text' }) state!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) snapshot!: StoredSnapshot;
  @Column({ type: 'text', nullable: true }) planFingerprint!: string | null;
  /** 1 for the first minutes; a later change to approved minutes is a new revision referring to the earlier one. */
  @Column({ type: 'integer', default: 1 }) revision!: number;
  @Column({ type: 'uuid', nullable: true }) previousVersionId!: string | null;
  @Column({ type: 'uuid' }) createdById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A participant as stored in `meetings.participants` (older rows lack userId and role). */
export interface StoredParticipant {
  name: string;
  organizationId: string;
  present: boolean;
  userId?: string | null;
  role?: MeetingRole | null;
}
