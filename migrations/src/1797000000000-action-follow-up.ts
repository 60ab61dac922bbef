import { MigrationInterface, QueryRunner } from 'typeorm';

/** Brå's follow-up column of the action plan: how and by whom an action is followed up (text), and when (date). */
export class ActionFollowUp1797000000000 implements MigrationInterface {
  name = 'ActionFollowUp1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_actions" ADD "follow_up" text`);
    await q.query(`ALTER TABLE "case_actions" ADD "follow_up_date" date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case_actions" DROP COLUMN "follow_up_date"`);
    await q.query(`ALTER TABLE "case_actions" DROP COLUMN "follow_up"`);
  }
}
