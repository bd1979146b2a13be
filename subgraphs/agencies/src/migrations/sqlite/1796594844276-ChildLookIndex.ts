import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildLookIndex1796594844276 implements MigrationInterface {
  name = 'ChildLookIndex1796594844276';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_03b6bb8f722b2233fb150a9b95\" ON \"audit_records\" (\"entityType\", \"entityId\", \"sequence\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_03b6bb8f722b2233fb150a9b95\"");
  }
}
