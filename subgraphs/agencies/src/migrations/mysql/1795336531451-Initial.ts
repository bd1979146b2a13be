import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795336531451 implements MigrationInterface {
  name = 'Initial1795336531451';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `agencies` (`id` varchar(36) NOT NULL, `name` varchar(200) NOT NULL, `kind` varchar(24) NOT NULL, `scheduleCategory` varchar(32) NULL, `gssCode` varchar(9) NULL, `dfeCode` varchar(3) NULL, `odsCode` varchar(5) NULL, INDEX `IDX_cb8c199af6ce39b3c321a86e0a` (`kind`), INDEX `IDX_537fc4cab6c22a736ef8682309` (`gssCode`), UNIQUE INDEX `IDX_486194f2e0b03c5fc87419eef6` (`odsCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `designations` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `agencyId` varchar(36) NOT NULL, `designatedFrom` date NOT NULL, `designatedUntil` date NULL, `reason` varchar(500) NOT NULL, INDEX `IDX_1ef2a93c3c1f2bf23a62657bc2` (`partnershipId`), UNIQUE INDEX `IDX_31e3e6483d6a3ae8e04d39e96f` (`partnershipId`, `agencyId`, `designatedFrom`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `designations` ADD CONSTRAINT `FK_2f2f50364073b0b87c785e405b9` FOREIGN KEY (`agencyId`) REFERENCES `agencies`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `designations` DROP FOREIGN KEY `FK_2f2f50364073b0b87c785e405b9`");
    await queryRunner.query("DROP INDEX `IDX_31e3e6483d6a3ae8e04d39e96f` ON `designations`");
    await queryRunner.query("DROP INDEX `IDX_1ef2a93c3c1f2bf23a62657bc2` ON `designations`");
    await queryRunner.query("DROP TABLE `designations`");
    await queryRunner.query("DROP INDEX `IDX_486194f2e0b03c5fc87419eef6` ON `agencies`");
    await queryRunner.query("DROP INDEX `IDX_537fc4cab6c22a736ef8682309` ON `agencies`");
    await queryRunner.query("DROP INDEX `IDX_cb8c199af6ce39b3c321a86e0a` ON `agencies`");
    await queryRunner.query("DROP TABLE `agencies`");
  }
}
