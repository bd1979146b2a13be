import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolsTrustsLeads1795340395055 implements MigrationInterface {
  name = 'SchoolsTrustsLeads1795340395055';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `education_representatives` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `level` varchar(20) NOT NULL, `forum` varchar(200) NOT NULL, `name` varchar(200) NOT NULL, `role` varchar(200) NOT NULL, `represents` varchar(200) NOT NULL, `urn` varchar(6) NULL, INDEX `IDX_9e7ac296d727397600283ba4bb` (`partnershipId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `school_safeguarding_leads` (`id` varchar(36) NOT NULL, `urn` varchar(6) NOT NULL, `name` varchar(200) NOT NULL, `role` varchar(40) NOT NULL, `jobTitle` varchar(200) NULL, `email` varchar(254) NULL, `phone` varchar(30) NULL, `lastTrainedOn` date NULL, INDEX `IDX_34e2050f228310eac04c53b15e` (`urn`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `trusts` (`uid` varchar(10) NOT NULL, `name` varchar(200) NOT NULL, `companiesHouseNumber` varchar(8) NULL, PRIMARY KEY (`uid`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `schools` ADD `establishmentType` varchar(100) NULL");
    await queryRunner.query("ALTER TABLE `schools` ADD `establishmentTypeGroup` varchar(100) NULL");
    await queryRunner.query("ALTER TABLE `schools` ADD `trustUid` varchar(10) NULL");
    await queryRunner.query("ALTER TABLE `schools` ADD `postcode` varchar(10) NULL");
    await queryRunner.query("CREATE INDEX `IDX_e7346e6a288cc3186591028342` ON `schools` (`trustUid`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_e7346e6a288cc3186591028342` ON `schools`");
    await queryRunner.query("ALTER TABLE `schools` DROP COLUMN `postcode`");
    await queryRunner.query("ALTER TABLE `schools` DROP COLUMN `trustUid`");
    await queryRunner.query("ALTER TABLE `schools` DROP COLUMN `establishmentTypeGroup`");
    await queryRunner.query("ALTER TABLE `schools` DROP COLUMN `establishmentType`");
    await queryRunner.query("DROP TABLE `trusts`");
    await queryRunner.query("DROP INDEX `IDX_34e2050f228310eac04c53b15e` ON `school_safeguarding_leads`");
    await queryRunner.query("DROP TABLE `school_safeguarding_leads`");
    await queryRunner.query("DROP INDEX `IDX_9e7ac296d727397600283ba4bb` ON `education_representatives`");
    await queryRunner.query("DROP TABLE `education_representatives`");
  }
}
