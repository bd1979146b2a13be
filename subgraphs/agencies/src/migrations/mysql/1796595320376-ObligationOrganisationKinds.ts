import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ObligationOrganisationKinds1796595320376 implements MigrationInterface {
  name = 'ObligationOrganisationKinds1796595320376';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `obligation` ADD `ownerOrganisationKind` varchar(8) NULL");
    await queryRunner.query("ALTER TABLE `obligation` ADD `owedToKind` varchar(8) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `obligation` DROP COLUMN `owedToKind`");
    await queryRunner.query("ALTER TABLE `obligation` DROP COLUMN `ownerOrganisationKind`");
  }
}
