import { MigrationInterface, QueryRunner } from 'typeorm';

/** Situation reports and the weekly level of each area. */
export class Reports1763770000000 implements MigrationInterface {
  name = 'Reports1763770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "area_levels" ("area_id" uuid NOT NULL, "week" text NOT NULL, "level" text NOT NULL, "rationale" text NOT NULL, "set_by_id" uuid NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_73f8aac19aa189710ff66f2c4e3" PRIMARY KEY ("area_id", "week"))`,
    );
    await q.query(
      `CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "place_id" uuid, "latitude" double precision, "longitude" double precision, "category_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "assessment" text NOT NULL, "police_notified" boolean NOT NULL, "public_place" boolean, "restricted" boolean NOT NULL DEFAULT false, "description" text NOT NULL, "organization_id" uuid NOT NULL, "reporter_id" uuid, "source" text NOT NULL DEFAULT 'form', "personal_data_confirmed" boolean NOT NULL DEFAULT false, "dedupe_key" text, "import_id" uuid, CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_ae9e0904e4e462d3517be1fe54" ON "reports" ("place_id") `);
    await q.query(`CREATE INDEX "IDX_9a489187107505eb3169243818" ON "reports" ("organization_id") `);
    await q.query(`CREATE UNIQUE INDEX "ux_reports_dedupe" ON "reports" ("organization_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await q.query(`CREATE INDEX "ix_reports_area_time" ON "reports" ("area_id", "occurred_at") `);
    await q.query(
      `ALTER TABLE "area_levels" ADD CONSTRAINT "FK_d738b9bc25d255b6a569f6a6739" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "area_levels" ADD CONSTRAINT "FK_e04ffea2a80af85c42cf4998478" FOREIGN KEY ("set_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_4b0a9c2a14c1a56933225953ff5" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_ae9e0904e4e462d3517be1fe548" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_23d2ada1e9df0834c42df8d0fb0" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_9a489187107505eb31692438181" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "FK_9459b9bf907a3807ef7143d2ead" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reports"`);
    await q.query(`DROP TABLE "area_levels"`);
  }
}
