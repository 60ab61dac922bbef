import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settings of the installation as a whole, stored once rather than read from each process's environment: the first
 * is the retention schedule (key `retention.schedule`), which a process with another RETENTION_SCHEDULE must not
 * overwrite. Who changed a setting, and from what, is in the audit trail.
 */
export class InstallationSettings1796300000000 implements MigrationInterface {
  name = 'InstallationSettings1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "installation_settings" (
      "key" text PRIMARY KEY,
      "value" text NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "installation_settings"`);
  }
}
