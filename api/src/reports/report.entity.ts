import type { Assessment, RedactionReason, ReportReview } from '@samverka/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Area } from '../directory/area.entity';
import { Category } from '../directory/category.entity';
import { Organization } from '../directory/organization.entity';
import { Place } from '../directory/place.entity';
import { User } from '../directory/user.entity';

/**
 * A situation report: what was observed, where and when, and how much insecurity it creates. It belongs to the
 * reporting organisation. There are deliberately no fields for people: the free text is checked for personal data.
 */
@Entity({ name: 'reports' })
@Index('ix_reports_area_time', ['areaId', 'occurredAt'])
@Index('ux_reports_dedupe', ['organizationId', 'dedupeKey'], { unique: true, where: 'dedupe_key IS NOT NULL' })
@Index('ix_reports_retention_due', ['occurredAt'], { where: 'redacted_at IS NULL' })
@Index('ix_reports_review_pending', ['areaId'], { where: "review = 'pending'" })
export class SituationReport {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) areaId!: string;
  @ManyToOne(() => Area, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'area_id' }) area!: Area;
  @Index() @Column({ type: 'uuid', nullable: true }) placeId!: string | null;
  @ManyToOne(() => Place, { onDelete: 'RESTRICT', nullable: true }) @JoinColumn({ name: 'place_id' }) place!: Place | null;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ type: 'uuid' }) categoryId!: string;
  @ManyToOne(() => Category, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'category_id' }) category!: Category;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) reportedAt!: Date;
  @Column({ type: 'text' }) assessment!: Assessment;
  @Column({ type: 'boolean' }) policeNotified!: boolean;
  @Column({ type: 'boolean', nullable: true }) publicPlace!: boolean | null;
  @Column({ type: 'boolean', default: false }) restricted!: boolean;
  @Column({ type: 'text' }) description!: string;
  @Index() @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'organization_id' }) organization!: Organization;
  @Column({ type: 'uuid', nullable: true }) reporterId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true }) @JoinColumn({ name: 'reporter_id' }) reporter!: User | null;
  @Column({ type: 'text', default: 'form' }) source!: 'form' | 'import';
  @Column({ type: 'boolean', default: false }) personalDataConfirmed!: boolean;
  /** An import's stable external id or content hash; unique per organisation so re-imports add nothing. */
  @Column({ type: 'text', nullable: true }) dedupeKey!: string | null;
  @Column({ type: 'uuid', nullable: true }) importId!: string | null;
  /** When retention (gallring) removed the free text, exact coordinates and reporter; the figures stay. */
  @Column({ type: 'timestamptz', nullable: true }) redactedAt!: Date | null;
  /**
   * 'pending' while a text the personal-data check flagged (filed with "not about a person") waits for a coordinator
   * of the partnership: until then its details are withheld from other organisations as a restricted report's are.
   */
  @Column({ type: 'text', nullable: true }) review!: ReportReview | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  /** The last time part or all of the free text was removed by hand (gallrad): when, by which organisation, why. */
  @Column({ type: 'timestamptz', nullable: true }) textRedactedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) textRedactedByOrganizationId!: string | null;
  @Column({ type: 'text', nullable: true }) textRedactionReason!: RedactionReason | null;
  @Column({ type: 'text', nullable: true }) textRedactionNote!: string | null;
}
