import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (gallring): a report remembers when its free text, exact coordinates and reporter were removed, and a
 * partial index finds the reports still due without scanning the ones already done.
 */
export class Retention1763825000000 implements MigrationInterface {
  name = 'Retention1763825000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reports" ADD "redacted_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "ix_reports_retention_due" ON "reports" ("occurred_at") WHERE redacted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_reports_retention_due"`);
    await q.query(`ALTER TABLE "reports" DROP COLUMN "redacted_at"`);
  }
}
