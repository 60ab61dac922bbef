import { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory (organisations, users, areas, places, categories), sessions and the audit trail. */
export class Foundation1763760000000 implements MigrationInterface {
  name = 'Foundation1763760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "audit_entries" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_organization_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_audit_entity" ON "audit_entries" ("entity_type", "entity_id") `);
    await q.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "type" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9b7ca6d30b94fef571cff876884" UNIQUE ("name"), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "organization_id" uuid NOT NULL, "roles" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
    await q.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash") `);
    await q.query(`CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id") `);
    await q.query(
      `CREATE TABLE "places" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "name" text NOT NULL, "latitude" double precision, "longitude" double precision, CONSTRAINT "uq_places_area_name" UNIQUE ("area_id", "name"), CONSTRAINT "PK_1afab86e226b4c3bc9a74465c12" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_3095ee20faa52de18a96e029bb" ON "places" ("area_id") `);
    await q.query(
      `CREATE TABLE "areas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8c2ad80240e18fcac9e7c526311" UNIQUE ("name"), CONSTRAINT "PK_5110493f6342f34c978c084d0d6" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "label_sv" text NOT NULL, "label_en" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_77d7eff8a7aaa05457a12b8007a" UNIQUE ("code"), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "area_partners" ("area_id" uuid NOT NULL, "organization_id" uuid NOT NULL, CONSTRAINT "PK_ea21c65b0e041fd9b6ce77cc265" PRIMARY KEY ("area_id", "organization_id"))`,
    );
    await q.query(`CREATE INDEX "IDX_05e2d64f7a57e0b0b497a5623e" ON "area_partners" ("area_id") `);
    await q.query(`CREATE INDEX "IDX_7d77d0e874c4ae209fc41c489b" ON "area_partners" ("organization_id") `);
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "places" ADD CONSTRAINT "FK_3095ee20faa52de18a96e029bb0" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "area_partners" ADD CONSTRAINT "FK_05e2d64f7a57e0b0b497a5623e9" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "area_partners" ADD CONSTRAINT "FK_7d77d0e874c4ae209fc41c489b6" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    // The default EST report taxonomy (docs: est-domain.md); administrators may relabel or retire categories.
    await q.query(`INSERT INTO categories (code, label_sv, label_en, sort_order) VALUES
      ('skadegorelse', 'Skadegörelse', 'Vandalism', 10),
      ('klotter', 'Klotter', 'Graffiti', 20),
      ('nedskrapning', 'Nedskräpning', 'Littering', 30),
      ('anlagd_brand', 'Anlagd brand', 'Arson, fire', 40),
      ('narkotika', 'Öppen droghandel / narkotika', 'Drug dealing', 50),
      ('stokiga_grupper', 'Stökiga grupper / samlingsplats', 'Disruptive groups, gathering place', 60),
      ('hot_vald', 'Hot eller våld', 'Threats or violence', 70),
      ('incident_personal', 'Incident mot personal', 'Incident against staff', 80),
      ('ran_stold_inbrott', 'Rån / stöld / inbrott', 'Robbery, theft, burglary', 90),
      ('buskorning', 'Buskörning / olovlig trafik', 'Reckless driving, mopeds on footpaths', 100),
      ('otrygg_miljo', 'Otrygg fysisk miljö', 'Unsafe physical environment', 110),
      ('ryktesspridning', 'Ryktesspridning / sociala medier', 'Rumours, social media', 120),
      ('arrangemang', 'Arrangemang', 'Planned events', 130),
      ('ovrigt', 'Övrigt', 'Other', 140)`);
    // The audit trail is append-only: no UPDATE or DELETE through any role the product uses.
    await q.query(`CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_entries_no_change ON audit_entries`);
    await q.query(`DROP FUNCTION audit_entries_append_only()`);
    await q.query(`DROP TABLE "area_partners"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP TABLE "places"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "categories"`);
    await q.query(`DROP TABLE "areas"`);
    await q.query(`DROP TABLE "organizations"`);
    await q.query(`DROP TABLE "audit_entries"`);
  }
}
