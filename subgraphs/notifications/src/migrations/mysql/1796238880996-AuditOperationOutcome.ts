import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditOperationOutcome1796238880996 implements MigrationInterface {
  name = 'AuditOperationOutcome1796238880996';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `operationName`");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `outcome` varchar(10) NOT NULL DEFAULT 'ALLOWED'");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `operationType` varchar(12) NULL");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `rootFields` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `documentHash` varchar(64) NULL");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `clientOperationName` varchar(200) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `clientOperationName`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `documentHash`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `rootFields`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `operationType`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `outcome`");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `operationName` varchar(200) NULL");
  }
}
