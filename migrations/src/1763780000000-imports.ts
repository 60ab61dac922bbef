import { MigrationInterface, QueryRunner } from 'typeorm';

/** CSV imports of incidents: progress and outcome. */
export class Imports1763780000000 implements MigrationInterface {
  name = 'Imports1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "filename" text NOT NULL, "mode" text NOT NULL, "status" text NOT NULL, "file_bytes" bigint NOT NULL DEFAULT '0', "bytes_read" bigint NOT NULL DEFAULT '0', "rows_read" integer NOT NULL DEFAULT '0', "imported_rows" integer NOT NULL DEFAULT '0', "duplicate_rows" integer NOT NULL DEFAULT '0', "rejected_count" integer NOT NULL DEFAULT '0', "rejected" jsonb NOT NULL DEFAULT '[]', "error" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_8eca62c3fcf2520bd93d0dc838" ON "imports" ("organization_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "imports"`);
  }
}
