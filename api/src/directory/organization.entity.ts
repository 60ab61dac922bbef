import type { OrganizationType } from '@samverka/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organisation that takes part in EST: the municipality, the local police area, a housing company, a business association. */
@Entity({ name: 'organizations' })
export class Organization {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text' }) type!: OrganizationType;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
