import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copies of the audit trail's hashing as it is at this migration (api/src/audit/audit.service.ts): a migration
// must give the same result whatever the code later becomes.
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

const hashOf = (prev: string, r: Omit<Row, 'id' | 'hash' | 'prev_hash'>) =>
  createHash('sha256')
    .update(prev)
    .update(
      canonicalJson({
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorOrganizationId: r.actor_organization_id,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
      }),
    )
    .digest('hex');

/** A report as the audit trail keeps it from now on: no free text and no exact coordinates (see ReportsService). */
function withoutDetails(v: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!v || !('description' in v || 'latitude' in v || 'longitude' in v)) return v;
  const { description, latitude, longitude, ...rest } = v;
  return {
    ...rest,
    descriptionLength: typeof description === 'string' ? description.length : null,
    hasCoordinates: latitude != null || longitude != null,
  };
}

const GENESIS = '0'.repeat(64);
const CHAIN_LOCK = 7_263_002;
const BATCH = 2000;

/**
 * Report entries in the audit trail used to carry the report's free text and exact coordinates, which retention
 * (gallring) must be able to remove and which the append-only, hash-chained trail could never give up. Entries written
 * since the retention migration keep only the text's length and whether there were coordinates; this migration
 * rewrites the older report entries the same way and recomputes the hash chain from the start, in the migration's
 * transaction, holding the chain's lock. It first verifies the old chain and refuses to run on a broken one (that would
 * hide the break). It then appends an `audit.rechained` entry that records the old head hash, so that the rewrite
 * itself is on the record. Nothing happens on a database without such entries (every new installation).
 */
export class AuditWithoutReportText1763835000000 implements MigrationInterface {
  name = 'AuditWithoutReportText1763835000000';

  async up(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(
      `SELECT count(*)::int AS n FROM audit_entries WHERE entity_type = 'report'
         AND (before ?| array['description','latitude','longitude'] OR after ?| array['description','latitude','longitude'])`,
    );
    if (n === 0) return;
    // No process may extend the chain while it is rewritten (a rolling upgrade: an old process inside
    // AuditService.record holds this lock and has read the last hash).
    await q.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    await q.query('LOCK TABLE audit_entries IN EXCLUSIVE MODE');
    // Re-hashing must not launder a break: the old chain has to verify first, or the upgrade stops here.
    let expected = GENESIS;
    let cursor = '0';
    for (;;) {
      const rows: Row[] = await q.query(`SELECT * FROM audit_entries WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [cursor]);
      if (rows.length === 0) break;
      for (const r of rows) {
        if (r.prev_hash !== expected || hashOf(expected, r) !== r.hash) {
          throw new Error(
            `The audit trail is broken at entry ${r.id}: it was changed outside Samverka. This upgrade rewrites the trail's ` +
              'hashes and would hide that, so it stops. Investigate (GET /api/audit/verify), restore the trail from a backup, and start again.',
          );
        }
        expected = r.hash;
        cursor = r.id;
      }
    }
    const [{ head, entries }] = await q.query(
      `SELECT (SELECT hash FROM audit_entries ORDER BY id DESC LIMIT 1) AS head, count(*)::int AS entries FROM audit_entries`,
    );
    await q.query(`ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change`);
    let prev = GENESIS;
    let after = '0';
    for (;;) {
      const rows: Row[] = await q.query(`SELECT * FROM audit_entries WHERE id > $1 ORDER BY id LIMIT ${BATCH}`, [after]);
      if (rows.length === 0) break;
      for (const r of rows) {
        const before = r.entity_type === 'report' ? withoutDetails(r.before) : r.before;
        const afterValue = r.entity_type === 'report' ? withoutDetails(r.after) : r.after;
        const hash = hashOf(prev, { ...r, before, after: afterValue });
        if (hash !== r.hash || prev !== r.prev_hash) {
          await q.query(`UPDATE audit_entries SET before = $2, after = $3, prev_hash = $4, hash = $5 WHERE id = $1`, [
            r.id,
            before === null ? null : JSON.stringify(before),
            afterValue === null ? null : JSON.stringify(afterValue),
            prev,
            hash,
          ]);
        }
        prev = hash;
        after = r.id;
      }
    }
    await q.query(`ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change`);
    const record = {
      at: new Date(),
      actor_id: null,
      actor_organization_id: null,
      action: 'audit.rechained',
      entity_type: 'audit',
      entity_id: 'audit_entries',
      before: { headHash: head, entries },
      after: { reportEntriesRewritten: n, reason: 'report free text and coordinates removed from the audit trail (retention)' },
    };
    await q.query(
      `INSERT INTO audit_entries (at, actor_id, actor_organization_id, action, entity_type, entity_id, before, after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        record.at,
        null,
        null,
        record.action,
        record.entity_type,
        record.entity_id,
        JSON.stringify(record.before),
        JSON.stringify(record.after),
        prev,
        hashOf(prev, record),
      ],
    );
  }

  async down(): Promise<void> {
    // The removed text is gone by design; the rewritten chain stays valid under the old code.
  }
}
