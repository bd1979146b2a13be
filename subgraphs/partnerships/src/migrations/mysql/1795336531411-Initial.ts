import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795336531411 implements MigrationInterface {
  name = 'Initial1795336531411';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `partnerships` (`id` varchar(36) NOT NULL, `name` varchar(200) NOT NULL, `status` varchar(16) NOT NULL, `activeFrom` date NULL, `dissolvedOn` date NULL, INDEX `IDX_5d33eebc31262c8722f7073966` (`status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `partnership_areas` (`partnershipId` varchar(36) NOT NULL, `localAuthorityGssCode` varchar(9) NOT NULL, INDEX `IDX_5b246d0c0599544c63766d6a00` (`localAuthorityGssCode`), PRIMARY KEY (`partnershipId`, `localAuthorityGssCode`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `statutory_partners` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `kind` varchar(24) NOT NULL, `organisationId` varchar(36) NOT NULL, `code` varchar(9) NOT NULL, UNIQUE INDEX `IDX_3246c3175ef46b7544be6d08c2` (`partnershipId`, `organisationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `partnership_areas` ADD CONSTRAINT `FK_2e3366b0872ab3c0c1995113bae` FOREIGN KEY (`partnershipId`) REFERENCES `partnerships`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `statutory_partners` ADD CONSTRAINT `FK_313d6ba9239a2c14340cc9433d1` FOREIGN KEY (`partnershipId`) REFERENCES `partnerships`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `statutory_partners` DROP FOREIGN KEY `FK_313d6ba9239a2c14340cc9433d1`");
    await queryRunner.query("ALTER TABLE `partnership_areas` DROP FOREIGN KEY `FK_2e3366b0872ab3c0c1995113bae`");
    await queryRunner.query("DROP INDEX `IDX_3246c3175ef46b7544be6d08c2` ON `statutory_partners`");
    await queryRunner.query("DROP TABLE `statutory_partners`");
    await queryRunner.query("DROP INDEX `IDX_5b246d0c0599544c63766d6a00` ON `partnership_areas`");
    await queryRunner.query("DROP TABLE `partnership_areas`");
    await queryRunner.query("DROP INDEX `IDX_5d33eebc31262c8722f7073966` ON `partnerships`");
    await queryRunner.query("DROP TABLE `partnerships`");
  }
}
