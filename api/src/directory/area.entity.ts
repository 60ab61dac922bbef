import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from './organization.entity';
import { Place } from './place.entity';

/** An EST area (e.g. a district); its partnership is the organisations that take part in the joint work there. */
@Entity({ name: 'areas' })
export class Area {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @ManyToMany(() => Organization)
  @JoinTable({
    name: 'area_partners',
    joinColumn: { name: 'area_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'organization_id', referencedColumnName: 'id' },
  })
  partners!: Organization[];
  @OneToMany(() => Place, (p) => p.area) places!: Place[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
