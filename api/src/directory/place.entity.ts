import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Area } from './area.entity';
import type { Organization } from './organization.entity';

/** A named place in an area (a square, a stairwell, a laundry room, a bus stop), optionally with coordinates (WGS 84). */
@Entity({ name: 'places' })
@Unique('uq_places_area_name', ['areaId', 'name'])
export class Place {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) areaId!: string;
  @ManyToOne('Area', 'places', { onDelete: 'CASCADE' }) @JoinColumn({ name: 'area_id' }) area!: Area;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  /** The organisation responsible for the place's physical environment (proposed for a safety walk's findings). */
  @Column({ type: 'uuid', nullable: true }) responsibleOrganizationId!: string | null;
  @ManyToOne('Organization', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'responsible_organization_id' })
  responsibleOrganization!: Organization | null;
}
