import { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings: agenda, decisions, statements and minutes. */
export class Meetings1763800000000 implements MigrationInterface {
  name = 'Meetings1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL, "area_ids" uuid array NOT NULL, "organization_ids" uuid array NOT NULL, "participants" jsonb NOT NULL, "agenda" jsonb NOT NULL, "current_item_id" text, "state" text NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "plan_fingerprint" text, "revision" integer NOT NULL DEFAULT '1', "previous_version_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_505a9ff3f8a8452cb9f252841a" ON "meetings" ("starts_at") `);
    await q.query(`CREATE INDEX "IDX_75192c5fc3b9fe3a3421375048" ON "meetings" ("state") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "meetings"`);
  }
}
