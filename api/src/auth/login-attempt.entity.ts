import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins per account (`email:…`) and per address (`ip:…`), for throttling; cleared by a successful sign-in. */
@Entity({ name: 'login_attempts' })
export class LoginAttempt {
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'integer' }) failures!: number;
  @Column({ type: 'timestamptz' }) lastFailureAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) blockedUntil!: Date | null;
}
