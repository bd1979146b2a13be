import type { MigrationInterface, QueryRunner } from 'typeorm';

// Hand-edited from the generated diff: the client's operation name is kept (renamed), not dropped,
// because the records' links vouch for it; the server-derived operation and the outcome are added.
export class AuditOperationOutcome1796233062142 implements MigrationInterface {
  name = 'AuditOperationOutcome1796233062142';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` CHANGE `operationName` `clientOperationName` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `outcome` varchar(10) NOT NULL DEFAULT 'ALLOWED'");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `operationType` varchar(12) NULL");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `rootFields` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `documentHash` varchar(64) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `documentHash`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `rootFields`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `operationType`");
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `outcome`");
    await queryRunner.query("ALTER TABLE `audit_records` CHANGE `clientOperationName` `operationName` varchar(200) NULL");
  }
}
