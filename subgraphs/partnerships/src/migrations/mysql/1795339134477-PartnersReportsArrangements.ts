import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnersReportsArrangements1795339134477 implements MigrationInterface {
  name = 'PartnersReportsArrangements1795339134477';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `delegated_safeguarding_partners` (`id` varchar(36) NOT NULL, `partnerId` varchar(36) NOT NULL, `name` varchar(200) NOT NULL, `office` varchar(200) NOT NULL, `functions` text NOT NULL, `delegatedFrom` date NOT NULL, INDEX `IDX_9066ffa9daa9aeeb9e4c06b218` (`partnerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `published_arrangements` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `version` int NOT NULL, `publishedOn` date NOT NULL, `url` varchar(500) NOT NULL, `signOffs` text NOT NULL, `relevantAgencyIds` text NOT NULL, `relevantSchoolUrns` text NOT NULL, `educationStrategic` varchar(2000) NOT NULL, `educationOperational` varchar(2000) NOT NULL, `scrutineer` varchar(200) NOT NULL, `scrutinyFunctions` text NOT NULL, `scrutinyReports` text NOT NULL, `childDeathReviewPartnerIds` text NOT NULL, `forums` text NOT NULL, UNIQUE INDEX `IDX_aeffef13d70f8462fd7bb4b7bb` (`partnershipId`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `yearly_reports` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `financialYearStart` int NOT NULL, `publishedOn` date NULL, `publicationUrl` varchar(500) NULL, `sentToPanelOn` date NULL, `sentToFoundationsOn` date NULL, `contentPresent` text NOT NULL, `hasSecureEstablishment` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX `IDX_b77c6b6a20bd7ed86744115252` (`partnershipId`, `financialYearStart`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `statutory_partners` ADD `leadName` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `statutory_partners` ADD `leadOffice` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `statutory_partners` ADD `leadNamedOn` date NULL");
    await queryRunner.query("ALTER TABLE `delegated_safeguarding_partners` ADD CONSTRAINT `FK_9066ffa9daa9aeeb9e4c06b2184` FOREIGN KEY (`partnerId`) REFERENCES `statutory_partners`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `published_arrangements` ADD CONSTRAINT `FK_b91174e72cde3d07997076f06d0` FOREIGN KEY (`partnershipId`) REFERENCES `partnerships`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `yearly_reports` ADD CONSTRAINT `FK_ad61d5d7a8965ae1cfb01ad9b1b` FOREIGN KEY (`partnershipId`) REFERENCES `partnerships`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `yearly_reports` DROP FOREIGN KEY `FK_ad61d5d7a8965ae1cfb01ad9b1b`");
    await queryRunner.query("ALTER TABLE `published_arrangements` DROP FOREIGN KEY `FK_b91174e72cde3d07997076f06d0`");
    await queryRunner.query("ALTER TABLE `delegated_safeguarding_partners` DROP FOREIGN KEY `FK_9066ffa9daa9aeeb9e4c06b2184`");
    await queryRunner.query("ALTER TABLE `statutory_partners` DROP COLUMN `leadNamedOn`");
    await queryRunner.query("ALTER TABLE `statutory_partners` DROP COLUMN `leadOffice`");
    await queryRunner.query("ALTER TABLE `statutory_partners` DROP COLUMN `leadName`");
    await queryRunner.query("DROP INDEX `IDX_b77c6b6a20bd7ed86744115252` ON `yearly_reports`");
    await queryRunner.query("DROP TABLE `yearly_reports`");
    await queryRunner.query("DROP INDEX `IDX_aeffef13d70f8462fd7bb4b7bb` ON `published_arrangements`");
    await queryRunner.query("DROP TABLE `published_arrangements`");
    await queryRunner.query("DROP INDEX `IDX_9066ffa9daa9aeeb9e4c06b218` ON `delegated_safeguarding_partners`");
    await queryRunner.query("DROP TABLE `delegated_safeguarding_partners`");
  }
}
