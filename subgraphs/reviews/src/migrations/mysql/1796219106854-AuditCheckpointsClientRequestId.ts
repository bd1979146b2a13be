import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpointsClientRequestId1796219106854 implements MigrationInterface {
  name = 'AuditCheckpointsClientRequestId1796219106854';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_checkpoints` (`sequence` int NOT NULL, `hash` varchar(64) NOT NULL, `signedAt` varchar(30) NOT NULL, `signature` varchar(100) NOT NULL, PRIMARY KEY (`sequence`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `clientRequestId` varchar(64) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `clientRequestId`");
    await queryRunner.query("DROP TABLE `audit_checkpoints`");
  }
}
