import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PagingOrderIndexes1796317761822 implements MigrationInterface {
  name = 'PagingOrderIndexes1796317761822';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_03d739b1b2b8499cd4932b42ad` ON `agencies` (`name`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_c4591eb982c0d72f33b0ac9ba7` ON `designations` (`agencyId`, `designatedFrom`, `id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_c4591eb982c0d72f33b0ac9ba7` ON `designations`");
    await queryRunner.query("DROP INDEX `IDX_03d739b1b2b8499cd4932b42ad` ON `agencies`");
  }
}
