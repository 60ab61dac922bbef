import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A report category (skadegörelse, klotter, …) with its Swedish and English label; retired by deactivation, never deleted. */
@Entity({ name: 'categories' })
export class Category {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) code!: string;
  @Column({ type: 'text' }) labelSv!: string;
  @Column({ type: 'text' }) labelEn!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'integer', default: 0 }) sortOrder!: number;
}
