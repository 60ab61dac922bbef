import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Area } from '../directory/area.entity';
import { Organization } from '../directory/organization.entity';

/** An ongoing activity or project of a partner in an area ("Vem gör vad"). */
@Entity({ name: 'activities' })
export class Activity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) areaId!: string;
  @ManyToOne(() => Area, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'area_id' }) area!: Area;
  @Index() @Column({ type: 'uuid' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'organization_id' }) organization!: Organization;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text', nullable: true }) targetGroup!: string | null;
  /** Empty: the whole area. */
  @Column({ type: 'uuid', array: true, default: '{}' }) placeIds!: string[];
  @Column({ type: 'date' }) startsOn!: string;
  @Column({ type: 'date', nullable: true }) endsOn!: string | null;
  /** ISO weekdays (1 = Monday). */
  @Column({ type: 'smallint', array: true, default: '{}' }) weekdays!: number[];
  @Column({ type: 'time', nullable: true }) startTime!: string | null;
  @Column({ type: 'time', nullable: true }) endTime!: string | null;
  @Column({ type: 'uuid', nullable: true }) contactOrganizationId!: string | null;
  @ManyToOne(() => Organization, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'contact_organization_id' })
  contactOrganization!: Organization | null;
  @Column({ type: 'date', nullable: true }) fundingEndsOn!: string | null;
  @Column({ type: 'uuid', array: true, default: '{}' }) caseIds!: string[];
  @Column({ type: 'boolean', default: false }) personalDataConfirmed!: boolean;
  @Column({ type: 'uuid', nullable: true }) createdById!: string | null;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
