import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default checklist of a safety walk (Swedish and English); administrators maintain others. */
const DEFAULT_CHECKLIST = [
  {
    key: 'lighting',
    labelSv: 'Belysning: är platsen tillräckligt upplyst, fungerar lamporna?',
    labelEn: 'Lighting: is the place lit well enough, do the lamps work?',
  },
  {
    key: 'sight_lines',
    labelSv: 'Siktlinjer och gömställen: kan man se och bli sedd, finns skymda hörn?',
    labelEn: 'Sight lines and hiding places: can you see and be seen, are there hidden corners?',
  },
  { key: 'litter_graffiti', labelSv: 'Nedskräpning och klotter', labelEn: 'Litter and graffiti' },
  { key: 'vegetation_paths', labelSv: 'Skötsel av buskar, träd och gångvägar', labelEn: 'Maintenance of bushes, trees and paths' },
  { key: 'wayfinding', labelSv: 'Orientering och skyltning: är det lätt att hitta rätt?', labelEn: 'Wayfinding and signs: is it easy to find your way?' },
  {
    key: 'help',
    labelSv: 'Platser att få hjälp: finns människor, öppna verksamheter, telefon i närheten?',
    labelEn: 'Places to get help: are there people, open businesses, a phone nearby?',
  },
  { key: 'feeling', labelSv: 'Hur känns platsen vid den här tiden på dygnet?', labelEn: 'How does the place feel at this time of day?' },
];

/**
 * Safety walks (trygghetsvandringar): checklist templates (the default one seeded), walks with their route, invited
 * organisations, participant counts and checklist answers, findings, and photos (metadata-free JPEGs; their bytes in
 * walk_photo_data behind the photo storage). Places name the organisation responsible for their physical environment.
 */
export class Walks1796800000000 implements MigrationInterface {
  name = 'Walks1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "walk_checklist_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name_sv" text NOT NULL, "name_en" text NOT NULL, "items" jsonb NOT NULL, "active" boolean NOT NULL DEFAULT true, "is_default" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc10eb186de0a1856bc2ae7b672" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "walks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "area_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "meeting_point" text NOT NULL, "route" jsonb, "invited_organization_ids" uuid array NOT NULL, "participant_counts" jsonb NOT NULL, "checklist_template_id" uuid NOT NULL, "checklist" jsonb NOT NULL, "stops" jsonb NOT NULL, "restricted" boolean NOT NULL DEFAULT false, "state" text NOT NULL, "version" integer NOT NULL, "snapshot" jsonb NOT NULL, "case_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47bc5d9670508929ae93517e433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_b962bb03e51b33cea16cffeab1" ON "walks" ("organization_id")`);
    await q.query(`CREATE INDEX "IDX_2eaed038a1320270441a90403a" ON "walks" ("state")`);
    await q.query(`CREATE INDEX "IDX_2024b9c990aa8875019eec3020" ON "walks" ("area_id", "starts_at")`);
    await q.query(
      `CREATE TABLE "walk_findings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "walk_id" uuid NOT NULL, "latitude" double precision, "longitude" double precision, "place_id" uuid, "checklist_item_key" text, "category_id" uuid, "description" text NOT NULL, "severity" text NOT NULL, "responsible_organization_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "personal_data_confirmed" boolean NOT NULL DEFAULT false, "settlement" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9989656a072fb2797b983232138" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_7ef515b19aff1772b980cce45d" ON "walk_findings" ("walk_id")`);
    await q.query(`CREATE INDEX "IDX_17249969a6984fa4ec58208cab" ON "walk_findings" ("place_id")`);
    await q.query(
      `CREATE TABLE "walk_photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "finding_id" uuid NOT NULL, "walk_id" uuid NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "bytes" integer NOT NULL, "storage_key" text NOT NULL, "uploaded_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_648f44b07182de1748cbb861b5b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_399def15bad3622378ff45fe65" ON "walk_photos" ("finding_id")`);
    await q.query(`CREATE INDEX "IDX_445517e45ef2e32cd14bfdbb57" ON "walk_photos" ("walk_id")`);
    await q.query(
      `CREATE TABLE "walk_photo_data" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "image" bytea NOT NULL, "thumbnail" bytea NOT NULL, CONSTRAINT "PK_2e0613ec2b1069307e53e033445" PRIMARY KEY ("id"))`,
    );
    await q.query(`ALTER TABLE "places" ADD "responsible_organization_id" uuid`);
    await q.query(
      `ALTER TABLE "places" ADD CONSTRAINT "FK_d49ad13f33fd25c5c40b726c2be" FOREIGN KEY ("responsible_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walks" ADD CONSTRAINT "FK_8aa924405ed5cb5de248bcb1db2" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walks" ADD CONSTRAINT "FK_b962bb03e51b33cea16cffeab16" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walks" ADD CONSTRAINT "FK_e36f698d058fd2b1c37ef27eab7" FOREIGN KEY ("checklist_template_id") REFERENCES "walk_checklist_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walks" ADD CONSTRAINT "FK_e0fd9fc533e94117390e1d5f9ad" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walk_findings" ADD CONSTRAINT "FK_7ef515b19aff1772b980cce45d8" FOREIGN KEY ("walk_id") REFERENCES "walks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walk_findings" ADD CONSTRAINT "FK_17249969a6984fa4ec58208cab2" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walk_findings" ADD CONSTRAINT "FK_ea7addd0e2ea1ffcabd270f17d9" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walk_findings" ADD CONSTRAINT "FK_b33d09317ab8031c462c8522f3f" FOREIGN KEY ("responsible_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walk_findings" ADD CONSTRAINT "FK_67459e3e4ed67460906db6f4e1c" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "walk_photos" ADD CONSTRAINT "FK_399def15bad3622378ff45fe658" FOREIGN KEY ("finding_id") REFERENCES "walk_findings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`INSERT INTO "walk_checklist_templates" ("name_sv", "name_en", "items", "active", "is_default") VALUES ($1, $2, $3::jsonb, true, true)`, [
      'Trygghetsvandring – grundmall',
      'Safety walk – default checklist',
      JSON.stringify(DEFAULT_CHECKLIST),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "walk_photos"`);
    await q.query(`DROP TABLE "walk_photo_data"`);
    await q.query(`DROP TABLE "walk_findings"`);
    await q.query(`DROP TABLE "walks"`);
    await q.query(`DROP TABLE "walk_checklist_templates"`);
    await q.query(`ALTER TABLE "places" DROP CONSTRAINT "FK_d49ad13f33fd25c5c40b726c2be"`);
    await q.query(`ALTER TABLE "places" DROP COLUMN "responsible_organization_id"`);
  }
}
