import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerToldConfirmation1796233290488 implements MigrationInterface {
  name = 'PartnerToldConfirmation1796233290488';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notification_partners_told` ADD `confirmedToldOn` date NULL");
    await queryRunner.query("ALTER TABLE `notification_partners_told` ADD `confirmedAt` varchar(30) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notification_partners_told` DROP COLUMN `confirmedAt`");
    await queryRunner.query("ALTER TABLE `notification_partners_told` DROP COLUMN `confirmedToldOn`");
  }
}
