import { MigrationInterface, QueryRunner } from 'typeorm';

/** Single-use invitation links: a coordinator or an admin invites a person of an organisation (e.g. shop staff). */
export class Invitations1797800000000 implements MigrationInterface {
  name = 'Invitations1797800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "email" text NOT NULL, "organization_id" uuid NOT NULL, "roles" text array NOT NULL, "invited_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "user_id" uuid, CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "IDX_872ac94a64b3d44fc4b554780c" ON "invitations" ("token_hash") `);
    await q.query(`CREATE INDEX "IDX_42d1dbb4d85dc3643fdc6560af" ON "invitations" ("organization_id") `);
    await q.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "invitations"`);
  }
}
