import type { AreaLevel } from '@samverka/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Area } from '../directory/area.entity';
import { User } from '../directory/user.entity';

/** The assessed level of an area for one ISO week, with its rationale; earlier values of the same week are in the audit trail. */
@Entity({ name: 'area_levels' })
export class AreaLevelEntry {
  @PrimaryColumn({ type: 'uuid' }) areaId!: string;
  @ManyToOne(() => Area, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'area_id' }) area!: Area;
  /** ISO week as YYYY-Www. */
  @PrimaryColumn({ type: 'text' }) week!: string;
  @Column({ type: 'text' }) level!: AreaLevel;
  @Column({ type: 'text' }) rationale!: string;
  @Column({ type: 'uuid' }) setById!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'set_by_id' }) setBy!: User;
  @Column({ type: 'timestamptz' }) setAt!: Date;
}
