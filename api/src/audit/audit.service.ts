import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import { auditRepository } from './audit.repository';

/** Who does something: the signed-in user and their organisation (null for the system itself, e.g. seeding). */
export interface Actor {
  id: string | null;
  organizationId: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, organizationId: null };

/** What is recorded about one change. */
export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** JSON with keys sorted at every level, so the hash does not depend on how jsonb orders keys. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The hash of an entry: SHA-256 over the previous hash and the entry's content. */
export function entryHash(prevHash: string, e: Omit<AuditEntry, 'id' | 'hash' | 'prevHash'>): string {
  const content = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorOrganizationId: e.actorOrganizationId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

const GENESIS = '0'.repeat(64);
const CHAIN_LOCK = 7_263_002;

/** Appends to the hash-chained audit trail, inside the caller's transaction so the change and its record are atomic. */
@Injectable()
export class AuditService {
  /** Records one change; must be called with the transaction's EntityManager. */
  async record(manager: EntityManager, actor: Actor, rec: AuditRecord): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditService.record needs a transaction');
    // One writer at a time extends the chain; the lock is released when the transaction ends.
    await auditRepository.lockChain(manager, CHAIN_LOCK);
    const last = await manager.getRepository(AuditEntry).find({ order: { id: 'DESC' }, take: 1, select: { hash: true } });
    const prevHash = last[0]?.hash ?? GENESIS;
    // Round-trip through JSON so what is hashed equals what jsonb gives back (dates as strings, no undefined).
    const before = rec.before ? (JSON.parse(JSON.stringify(rec.before)) as Record<string, unknown>) : null;
    const after = rec.after ? (JSON.parse(JSON.stringify(rec.after)) as Record<string, unknown>) : null;
    const at = new Date();
    const entry = {
      at,
      actorId: actor.id,
      actorOrganizationId: actor.organizationId,
      action: rec.action,
      entityType: rec.entityType,
      entityId: rec.entityId,
      before,
      after,
    };
    await manager
      .getRepository(AuditEntry)
      .save(manager.getRepository(AuditEntry).create({ ...entry, prevHash, hash: entryHash(prevHash, entry) }), { reload: false });
  }
}
