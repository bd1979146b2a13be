import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PagingIndexes1796317932114 implements MigrationInterface {
  name = 'PagingIndexes1796317932114';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_cb93ad4651a63074ae56232cf5\" ON \"partnerships\" (\"name\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_cb93ad4651a63074ae56232cf5\"");
  }
}
