import type { StoredSnapshot } from '@samverka/workflows';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Area } from '../directory/area.entity';
import { Place } from '../directory/place.entity';
import { SituationReport } from '../reports/report.entity';

/** A case (ärende): a problem in a place that needs joint work. Its state lives in the case machine's snapshot. */
@Entity({ name: 'cases' })
export class EstCase {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ type: 'uuid' }) areaId!: string;
  @ManyToOne(() => Area, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'area_id' }) area!: Area;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  /** Copy of the snapshot's state, for filtering and the board. */
  @Index() @Column({ type: 'text' }) state!: string;
  /** Optimistic concurrency: every accepted event adds one. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) snapshot!: StoredSnapshot;
  @Column({ type: 'uuid' }) createdById!: string;
  @Column({ type: 'uuid' }) createdByOrganizationId!: string;
  @ManyToMany(() => SituationReport)
  @JoinTable({
    name: 'case_reports',
    joinColumn: { name: 'case_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'report_id', referencedColumnName: 'id' },
  })
  reports!: SituationReport[];
  @ManyToMany(() => Place)
  @JoinTable({
    name: 'case_places',
    joinColumn: { name: 'case_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'place_id', referencedColumnName: 'id' },
  })
  places!: Place[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
