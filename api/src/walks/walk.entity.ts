import type { ChecklistItem, FindingSeverity, ParticipantCounts, RouteLineString, StopAnswersDto } from '@samverka/contracts';
import type { StoredSnapshot } from '@samverka/workflows';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EstCase } from '../cases/case.entity';
import { Area } from '../directory/area.entity';
import { Category } from '../directory/category.entity';
import { Organization } from '../directory/organization.entity';
import { Place } from '../directory/place.entity';
import { User } from '../directory/user.entity';

/** A checklist for safety walks, maintained by administrators; a walk keeps a copy of the items it was planned with. */
@Entity({ name: 'walk_checklist_templates' })
export class WalkChecklistTemplate {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) nameSv!: string;
  @Column({ type: 'text' }) nameEn!: string;
  @Column({ type: 'jsonb' }) items!: ChecklistItem[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'boolean', default: false }) isDefault!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A safety walk (trygghetsvandring); its state lives in the walk machine's snapshot. */
@Entity({ name: 'walks' })
@Index(['areaId', 'startsAt'])
export class Walk {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) areaId!: string;
  @ManyToOne(() => Area, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'area_id' }) area!: Area;
  /** The planning organisation. */
  @Index() @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'organization_id' }) organization!: Organization;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'text' }) meetingPoint!: string;
  @Column({ type: 'jsonb', nullable: true }) route!: RouteLineString | null;
  @Column({ type: 'uuid', array: true }) invitedOrganizationIds!: string[];
  @Column({ type: 'jsonb' }) participantCounts!: ParticipantCounts;
  @Column({ type: 'uuid' }) checklistTemplateId!: string;
  @ManyToOne(() => WalkChecklistTemplate, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'checklist_template_id' }) checklistTemplate!: WalkChecklistTemplate;
  @Column({ type: 'jsonb' }) checklist!: ChecklistItem[];
  @Column({ type: 'jsonb' }) stops!: StopAnswersDto[];
  @Column({ type: 'boolean', default: false }) restricted!: boolean;
  @Index() @Column({ type: 'text' }) state!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) snapshot!: StoredSnapshot;
  /** The walk's case, created when its settlement is completed with actions. */
  @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  @ManyToOne(() => EstCase, { onDelete: 'SET NULL', nullable: true }) @JoinColumn({ name: 'case_id' }) estCase!: EstCase | null;
  @Column({ type: 'uuid' }) createdById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** How a finding was settled (jsonb): as an action to agree, joined to an existing case, or noted with a reason. */
export type StoredSettlement =
  | {
      outcome: 'action';
      cause: string;
      what: string;
      goal: string;
      organizationId: string;
      ownerId: string | null;
      dueDate: string;
      followUp: string | null;
      actionNumber: number | null;
    }
  | { outcome: 'case'; caseId: string }
  | { outcome: 'noted'; reason: string };

/** A finding of a walk: where, what (checklist item or category), how serious, who should fix it, and its settlement. */
@Entity({ name: 'walk_findings' })
export class WalkFinding {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) walkId!: string;
  @ManyToOne(() => Walk, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'walk_id' }) walk!: Walk;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Index() @Column({ type: 'uuid', nullable: true }) placeId!: string | null;
  @ManyToOne(() => Place, { onDelete: 'SET NULL', nullable: true }) @JoinColumn({ name: 'place_id' }) place!: Place | null;
  @Column({ type: 'text', nullable: true }) checklistItemKey!: string | null;
  @Column({ type: 'uuid', nullable: true }) categoryId!: string | null;
  @ManyToOne(() => Category, { onDelete: 'RESTRICT', nullable: true }) @JoinColumn({ name: 'category_id' }) category!: Category | null;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) severity!: FindingSeverity;
  @Column({ type: 'uuid', nullable: true }) responsibleOrganizationId!: string | null;
  @ManyToOne(() => Organization, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'responsible_organization_id' })
  responsibleOrganization!: Organization | null;
  @Column({ type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'uuid' }) recordedById!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'recorded_by_id' }) recordedBy!: User;
  @Column({ type: 'uuid' }) organizationId!: string;
  @Column({ type: 'boolean', default: false }) personalDataConfirmed!: boolean;
  @Column({ type: 'jsonb', nullable: true }) settlement!: StoredSettlement | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A photo of a finding, re-encoded without metadata, and its thumbnail (the original is never stored). */
@Entity({ name: 'walk_photos' })
export class WalkPhoto {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) findingId!: string;
  @ManyToOne(() => WalkFinding, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'finding_id' }) finding!: WalkFinding;
  @Index() @Column({ type: 'uuid' }) walkId!: string;
  @Column({ type: 'integer' }) width!: number;
  @Column({ type: 'integer' }) height!: number;
  @Column({ type: 'integer' }) bytes!: number;
  /** Where the storage keeps the image (`pg:` for the table walk_photo_data). */
  @Column({ type: 'text' }) storageKey!: string;
  @Column({ type: 'uuid' }) uploadedById!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** The bytes of the photos, kept by the PostgreSQL photo storage (object storage may replace it behind PhotoStorage). */
@Entity({ name: 'walk_photo_data' })
export class WalkPhotoData {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bytea' }) image!: Buffer;
  @Column({ type: 'bytea' }) thumbnail!: Buffer;
}

export const WALK_ENTITIES = [WalkChecklistTemplate, Walk, WalkFinding, WalkPhoto, WalkPhotoData];
