import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases, their agreed actions and their history (the EST workflows' persisted snapshots). */
export class Cases1763790000000 implements MigrationInterface {
  name = 'Cases1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "state" text NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "created_by_id" uuid NOT NULL, "created_by_organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_f2ae8466051d50161410b1e17b" ON "cases" ("area_id") `);
    await q.query(`CREATE INDEX "IDX_edabc7d5b360ceaeebc986889a" ON "cases" ("state") `);
    await q.query(
      `CREATE TABLE "case_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "number" integer NOT NULL, "cause" text NOT NULL, "what" text NOT NULL, "goal" text NOT NULL, "organization_id" uuid NOT NULL, "owner_id" uuid, "start_date" date, "due_date" date NOT NULL, "kind" text NOT NULL, "term" text NOT NULL, "state" text NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8b999ee896ebcdf6702df306fb3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_35638f23970b3b8a3a5170be78" ON "case_actions" ("case_id") `);
    await q.query(`CREATE INDEX "IDX_acb7b7e890c3ead033a03abd61" ON "case_actions" ("organization_id") `);
    await q.query(`CREATE INDEX "IDX_9fd9da50abed2d40380b9246f0" ON "case_actions" ("owner_id") `);
    await q.query(`CREATE INDEX "IDX_b7cbe45a1baff078d75277ad57" ON "case_actions" ("due_date") `);
    await q.query(`CREATE INDEX "IDX_f469129079b02e4ae6bad04236" ON "case_actions" ("state") `);
    await q.query(
      `CREATE TABLE "case_history" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "action_id" uuid, "event_type" text NOT NULL, "payload" jsonb, "from_state" text, "to_state" text NOT NULL, "version" integer NOT NULL, "actor_id" uuid, "actor_organization_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c3afb6b822ee2a4b1602b33d595" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_1937794dfd1e529ffff95f1663" ON "case_history" ("case_id") `);
    await q.query(
      `CREATE TABLE "case_reports" ("case_id" uuid NOT NULL, "report_id" uuid NOT NULL, CONSTRAINT "PK_3d6cabaeaecefe4e7079313a60e" PRIMARY KEY ("case_id", "report_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_f15341371700aec6507e8d3a38" ON "case_reports" ("case_id") `);
    await q.query(`CREATE INDEX "IDX_82226db893e69e88429729f48f" ON "case_reports" ("report_id") `);
    await q.query(
      `CREATE TABLE "case_places" ("case_id" uuid NOT NULL, "place_id" uuid NOT NULL, CONSTRAINT "PK_fb99920386ce962b9753f55ccaa" PRIMARY KEY ("case_id", "place_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_739721a10aafa44964baa51ec4" ON "case_places" ("case_id") `);
    await q.query(`CREATE INDEX "IDX_11b6428204c2cb257c5d545997" ON "case_places" ("place_id") `);
    await q.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_f2ae8466051d50161410b1e17be" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_actions" ADD CONSTRAINT "FK_35638f23970b3b8a3a5170be780" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_actions" ADD CONSTRAINT "FK_acb7b7e890c3ead033a03abd61e" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_actions" ADD CONSTRAINT "FK_9fd9da50abed2d40380b9246f0d" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "case_reports" ADD CONSTRAINT "FK_f15341371700aec6507e8d3a38d" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "case_reports" ADD CONSTRAINT "FK_82226db893e69e88429729f48f5" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "case_places" ADD CONSTRAINT "FK_739721a10aafa44964baa51ec47" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "case_places" ADD CONSTRAINT "FK_11b6428204c2cb257c5d545997b" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_places"`);
    await q.query(`DROP TABLE "case_reports"`);
    await q.query(`DROP TABLE "case_history"`);
    await q.query(`DROP TABLE "case_actions"`);
    await q.query(`DROP TABLE "cases"`);
  }
}
