import type { RejectedImportRow } from '@samverka/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One CSV import of incidents: its progress while it runs, then its outcome and the rejected rows. */
@Entity({ name: 'imports' })
export class ReportImport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'uuid' }) userId!: string;
  /** The organisation whose reports the rows became, when not the importing one (a partner's export). */
  @Column({ type: 'uuid', nullable: true }) sourceOrganizationId!: string | null;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'text' }) mode!: 'all_or_nothing' | 'valid_only';
  @Column({ type: 'text' }) status!: 'running' | 'completed' | 'failed';
  @Column({ type: 'bigint', default: 0 }) fileBytes!: number;
  @Column({ type: 'bigint', default: 0 }) bytesRead!: number;
  @Column({ type: 'integer', default: 0 }) rowsRead!: number;
  @Column({ type: 'integer', default: 0 }) importedRows!: number;
  @Column({ type: 'integer', default: 0 }) duplicateRows!: number;
  @Column({ type: 'integer', default: 0 }) rejectedCount!: number;
  /** The first 1000 rejected rows with line number, field, reason and its code. */
  @Column({ type: 'jsonb', default: () => `'[]'` }) rejected!: RejectedImportRow[];
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
