import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue #15): a user's language for mails, and the notifications table, written in the same
 * transaction as the event that causes them (transactional outbox). A row is both the in-app notification (read or
 * not) and the mail to send: pending until the mail job delivers it once (sent), or gives up (failed).
 */
export class Notifications1797400000000 implements MigrationInterface {
  name = 'Notifications1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "language" text NOT NULL DEFAULT 'sv'`);
    await q.query(`CREATE TABLE "notifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "link" text NOT NULL,
      "params" jsonb NOT NULL DEFAULT '{}',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "read_at" timestamptz,
      "mail_state" text NOT NULL DEFAULT 'pending',
      "mail_attempts" integer NOT NULL DEFAULT 0,
      "mail_next_attempt_at" timestamptz NOT NULL DEFAULT now(),
      "mail_last_error" text,
      "mail_sent_at" timestamptz,
      "mail_transport" text,
      "mail_subject" text,
      "mail_text" text,
      CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
      CONSTRAINT "FK_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_notifications_mail_state" CHECK ("mail_state" IN ('pending', 'sent', 'failed', 'off'))
    )`);
    await q.query(`CREATE INDEX "IDX_notifications_pending" ON "notifications" ("mail_next_attempt_at") WHERE "mail_state" = 'pending'`);
    await q.query(`CREATE INDEX "IDX_notifications_user" ON "notifications" ("user_id", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "notifications"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "language"`);
  }
}
