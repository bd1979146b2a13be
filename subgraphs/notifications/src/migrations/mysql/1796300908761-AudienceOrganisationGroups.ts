import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AudienceOrganisationGroups1796300908761 implements MigrationInterface {
  name = 'AudienceOrganisationGroups1796300908761';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `obligation_audience` ADD `groupIndex` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `obligation_audience` DROP PRIMARY KEY");
    await queryRunner.query("ALTER TABLE `obligation_audience` ADD PRIMARY KEY (`obligationId`, `clause`, `value`, `groupIndex`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `obligation_audience` DROP PRIMARY KEY");
    await queryRunner.query("ALTER TABLE `obligation_audience` ADD PRIMARY KEY (`obligationId`, `clause`, `value`)");
    await queryRunner.query("ALTER TABLE `obligation_audience` DROP COLUMN `groupIndex`");
  }
}
