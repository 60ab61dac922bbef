import { MigrationInterface, QueryRunner } from 'typeorm';

/** Failed sign-ins per account and address, for throttling. */
export class LoginAttempts1763810000000 implements MigrationInterface {
  name = 'LoginAttempts1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "login_attempts" ("key" text NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f90e70c50d5744e4d9f41dd397c" PRIMARY KEY ("key"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_attempts"`);
  }
}
