import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The stored answer of a create sent with an `Idempotency-Key`: written in the create's own transaction, so a
 * committed create always has its answer here and a rolled-back one has none. Kept 24 hours.
 */
@Entity({ name: 'idempotency_keys' })
@Index(['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 255 }) key!: string;
  /** SHA-256 (hex) of the method, path and body of the first request. */
  @Column({ type: 'char', length: 64 }) requestHash!: string;
  @Column({ type: 'integer', nullable: true }) status!: number | null;
  /** `json`, not `jsonb`: the replayed body keeps the first answer's key order. */
  @Column({ type: 'json', nullable: true }) response!: unknown;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
