import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795336531486 implements MigrationInterface {
  name = 'Initial1795336531486';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `schools` (`urn` varchar(6) NOT NULL, `name` varchar(200) NOT NULL, `laestab` varchar(7) NOT NULL, `localAuthorityDfeCode` varchar(3) NOT NULL, `phase` varchar(24) NOT NULL, `status` varchar(24) NOT NULL, `ukprn` varchar(8) NULL, INDEX `IDX_4a78852538fa5586e7c4799a40` (`localAuthorityDfeCode`), PRIMARY KEY (`urn`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `school_designations` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `urn` varchar(6) NOT NULL, `designatedFrom` date NOT NULL, `designatedUntil` date NULL, INDEX `IDX_64e023aba353a6b43c5f8eba9b` (`partnershipId`), UNIQUE INDEX `IDX_882c5c1f1fb71cc0564c3349a9` (`partnershipId`, `urn`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `school_designations` ADD CONSTRAINT `FK_795453e2f068da785665fb2ae77` FOREIGN KEY (`urn`) REFERENCES `schools`(`urn`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `school_designations` DROP FOREIGN KEY `FK_795453e2f068da785665fb2ae77`");
    await queryRunner.query("DROP INDEX `IDX_882c5c1f1fb71cc0564c3349a9` ON `school_designations`");
    await queryRunner.query("DROP INDEX `IDX_64e023aba353a6b43c5f8eba9b` ON `school_designations`");
    await queryRunner.query("DROP TABLE `school_designations`");
    await queryRunner.query("DROP INDEX `IDX_4a78852538fa5586e7c4799a40` ON `schools`");
    await queryRunner.query("DROP TABLE `schools`");
  }
}
