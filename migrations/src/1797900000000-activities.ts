import { MigrationInterface, QueryRunner } from 'typeorm';

/** "Vem gör vad": the register of the partners' ongoing activities and projects per area. */
export class Activities1797900000000 implements MigrationInterface {
  name = 'Activities1797900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "target_group" text, "place_ids" uuid array NOT NULL DEFAULT '{}', "starts_on" date NOT NULL, "ends_on" date, "weekdays" smallint array NOT NULL DEFAULT '{}', "start_time" TIME, "end_time" TIME, "contact_organization_id" uuid, "funding_ends_on" date, "case_ids" uuid array NOT NULL DEFAULT '{}', "personal_data_confirmed" boolean NOT NULL DEFAULT false, "created_by_id" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_c235cdc44842f2ebc02e7137cf" ON "activities" ("area_id") `);
    await q.query(`CREATE INDEX "IDX_98a034f3603f95ab549c425914" ON "activities" ("organization_id") `);
    await q.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "FK_c235cdc44842f2ebc02e7137cfd" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "FK_98a034f3603f95ab549c4259147" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "FK_6cee550c4429cbbd37b67ee2c0e" FOREIGN KEY ("contact_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "activities"`);
  }
}
