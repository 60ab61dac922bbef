import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Redaction and review of a report's free text: who removed (gallrade) what part of the text, when and why (never
 * the text itself), and whether a text the personal-data check flagged still awaits a coordinator's review.
 */
export class ReportRedactionReview1796500000000 implements MigrationInterface {
  name = 'ReportRedactionReview1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "reports" ADD "review" text`);
    await q.query(`ALTER TABLE "reports" ADD "reviewed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "reports" ADD "text_redacted_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "reports" ADD "text_redacted_by_organization_id" uuid`);
    await q.query(`ALTER TABLE "reports" ADD "text_redaction_reason" text`);
    await q.query(`ALTER TABLE "reports" ADD "text_redaction_note" text`);
    await q.query(`CREATE INDEX "ix_reports_review_pending" ON "reports" ("area_id") WHERE review = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_reports_review_pending"`);
    for (const c of ['text_redaction_note', 'text_redaction_reason', 'text_redacted_by_organization_id', 'text_redacted_at', 'reviewed_at', 'review']) {
      await q.query(`ALTER TABLE "reports" DROP COLUMN "${c}"`);
    }
  }
}
