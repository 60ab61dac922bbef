import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The effect figures of an evaluation (issue #16), frozen: computed once when the case is evaluated (EVALUATE), with
 * the method's version, the weeks chosen and the case's categories then; never updated afterwards. One row per
 * evaluation (a reopened case evaluated again gets a second row). `figures` is null when they could not be computed
 * (no action started and done).
 */
export class CaseEffects1797700000000 implements MigrationInterface {
  name = 'CaseEffects1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "case_effects" (
        "case_id" uuid NOT NULL REFERENCES "cases"("id") ON DELETE CASCADE,
        "case_version" integer NOT NULL,
        "outcome" text NOT NULL,
        "method_version" integer NOT NULL,
        "weeks" integer NOT NULL,
        "category_ids" uuid[] NOT NULL DEFAULT '{}',
        "figures" jsonb,
        "evaluated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_effects" PRIMARY KEY ("case_id", "case_version"))`,
    );
    await q.query(`CREATE INDEX "IDX_case_effects_evaluated_at" ON "case_effects" ("evaluated_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "case_effects"`);
  }
}
