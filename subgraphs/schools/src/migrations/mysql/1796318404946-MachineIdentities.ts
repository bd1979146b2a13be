import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MachineIdentities1796318404946 implements MigrationInterface {
  name = 'MachineIdentities1796318404946';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `school_delegations` (`id` varchar(36) NOT NULL, `urn` varchar(6) NOT NULL, `clientId` varchar(100) NOT NULL, `grantedAt` varchar(30) NOT NULL, `grantedBy` varchar(200) NOT NULL, `revokedAt` varchar(30) NULL, `revokedBy` varchar(200) NULL, INDEX `IDX_8bed2b63e43df74b21dd9cf9ef` (`clientId`, `revokedAt`), INDEX `IDX_5f14886bbee1702fde7feb6546` (`urn`, `clientId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `audit_records` ADD `clientId` varchar(100) NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `audit_records` DROP COLUMN `clientId`");
    await queryRunner.query("DROP INDEX `IDX_5f14886bbee1702fde7feb6546` ON `school_delegations`");
    await queryRunner.query("DROP INDEX `IDX_8bed2b63e43df74b21dd9cf9ef` ON `school_delegations`");
    await queryRunner.query("DROP TABLE `school_delegations`");
  }
}
