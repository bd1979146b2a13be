import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MachineIdentities1796318402692 implements MigrationInterface {
  name = 'MachineIdentities1796318402692';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` ADD `clientId` varchar(100) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `clientId`");
  }
}
