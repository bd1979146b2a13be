import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795337669549 implements MigrationInterface {
  name = 'AuditTrail1795337669549';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_records` (`sequence` int NOT NULL, `occurredAt` varchar(30) NOT NULL, `action` varchar(10) NOT NULL, `subject` varchar(200) NOT NULL, `organisationId` varchar(64) NOT NULL, `organisationKind` varchar(32) NOT NULL, `operationName` varchar(200) NULL, `entityType` varchar(60) NOT NULL, `entityId` varchar(64) NOT NULL, `partnershipId` varchar(36) NULL, `reason` varchar(500) NULL, `channel` varchar(10) NOT NULL, `requestId` varchar(64) NOT NULL, `previousHash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `IDX_587d9a17fcf8bab967cc4acd28` (`partnershipId`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_587d9a17fcf8bab967cc4acd28` ON `audit_records`");
    await queryRunner.query("DROP TABLE `audit_records`");
  }
}
