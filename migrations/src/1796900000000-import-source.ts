import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation an import's rows are credited to (a housing company's export imported by the coordinator); empty
 * for older imports, whose rows belong to the importing organisation.
 */
export class ImportSource1796900000000 implements MigrationInterface {
  name = 'ImportSource1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "imports" ADD "source_organization_id" uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "imports" DROP COLUMN "source_organization_id"`);
  }
}
