import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistryDesignationsSection111795338565479 implements MigrationInterface {
  name = 'RegistryDesignationsSection111795338565479';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `agency_contacts` (`id` varchar(36) NOT NULL, `agencyId` varchar(36) NOT NULL, `role` varchar(40) NOT NULL, `name` varchar(200) NULL, `telephone` varchar(30) NOT NULL, `email` varchar(254) NULL, `hours` varchar(200) NULL, `updatedOn` date NOT NULL, UNIQUE INDEX `IDX_e5f0070fb9fd000f8d27c6a211` (`agencyId`, `role`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `section11_returns` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `agencyId` varchar(36) NOT NULL, `financialYear` varchar(7) NOT NULL, `submittedOn` date NOT NULL, INDEX `IDX_f5410f3af76cbff0d7d94176ce` (`partnershipId`), INDEX `IDX_22c9a98fb887c447954c323cd4` (`agencyId`), UNIQUE INDEX `IDX_c7393fcc5041b4d37e380224d4` (`partnershipId`, `agencyId`, `financialYear`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `section11_ratings` (`id` varchar(36) NOT NULL, `returnId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `agencyId` varchar(36) NOT NULL, `standardKey` varchar(40) NOT NULL, `standardTitle` varchar(200) NOT NULL, `rating` varchar(5) NOT NULL, `evidence` text NOT NULL, INDEX `IDX_ba8a8c59272b9d3e47a4ce0ebf` (`returnId`), INDEX `IDX_c03edce3225bc72f35e36d8618` (`partnershipId`), UNIQUE INDEX `IDX_e9b7b1390becd311fe325564e8` (`returnId`, `standardKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `section11_actions` (`id` varchar(36) NOT NULL, `ratingId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `agencyId` varchar(36) NOT NULL, `financialYear` varchar(7) NOT NULL, `standardKey` varchar(40) NOT NULL, `description` varchar(1000) NOT NULL, `owner` varchar(200) NOT NULL, `dueOn` date NOT NULL, `completedOn` date NULL, INDEX `IDX_90140f0548ee9d139919ebe028` (`ratingId`), INDEX `IDX_a90e8707a03e81d2384ede10c4` (`partnershipId`), INDEX `IDX_36d021dc9edd2477bfa419ae75` (`agencyId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `section11_standards` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `position` int NOT NULL, `key` varchar(40) NOT NULL, `title` varchar(200) NOT NULL, `description` varchar(1000) NOT NULL, INDEX `IDX_fa596a1eb69c2f94fbb70df23d` (`partnershipId`), UNIQUE INDEX `IDX_9882560d2782ed8e0f60a126b8` (`partnershipId`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `agencies` ADD `scheduleEntry` varchar(48) NULL");
    await queryRunner.query("ALTER TABLE `agencies` ADD `sector` varchar(24) NULL");
    await queryRunner.query("ALTER TABLE `agencies` ADD `companiesHouseNumber` varchar(8) NULL");
    await queryRunner.query("ALTER TABLE `agencies` ADD UNIQUE INDEX `IDX_600c71d098c0f994ba6d914e45` (`companiesHouseNumber`)");
    await queryRunner.query("ALTER TABLE `agencies` ADD `charityNumber` varchar(8) NULL");
    await queryRunner.query("ALTER TABLE `agencies` ADD UNIQUE INDEX `IDX_0fa0315c618c183c6de4323b97` (`charityNumber`)");
    await queryRunner.query("ALTER TABLE `agencies` ADD `ofstedUrn` varchar(8) NULL");
    await queryRunner.query("ALTER TABLE `agencies` ADD `status` varchar(8) NOT NULL DEFAULT 'ACTIVE'");
    await queryRunner.query("ALTER TABLE `agencies` ADD `openedOn` date NULL");
    await queryRunner.query("ALTER TABLE `agencies` ADD `closedOn` date NULL");
    await queryRunner.query("ALTER TABLE `designations` ADD `endReason` varchar(500) NULL");
    await queryRunner.query("CREATE INDEX `IDX_2f2f50364073b0b87c785e405b` ON `designations` (`agencyId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_2f2f50364073b0b87c785e405b` ON `designations`");
    await queryRunner.query("ALTER TABLE `designations` DROP COLUMN `endReason`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `closedOn`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `openedOn`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `status`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `ofstedUrn`");
    await queryRunner.query("ALTER TABLE `agencies` DROP INDEX `IDX_0fa0315c618c183c6de4323b97`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `charityNumber`");
    await queryRunner.query("ALTER TABLE `agencies` DROP INDEX `IDX_600c71d098c0f994ba6d914e45`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `companiesHouseNumber`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `sector`");
    await queryRunner.query("ALTER TABLE `agencies` DROP COLUMN `scheduleEntry`");
    await queryRunner.query("DROP INDEX `IDX_9882560d2782ed8e0f60a126b8` ON `section11_standards`");
    await queryRunner.query("DROP INDEX `IDX_fa596a1eb69c2f94fbb70df23d` ON `section11_standards`");
    await queryRunner.query("DROP TABLE `section11_standards`");
    await queryRunner.query("DROP INDEX `IDX_36d021dc9edd2477bfa419ae75` ON `section11_actions`");
    await queryRunner.query("DROP INDEX `IDX_a90e8707a03e81d2384ede10c4` ON `section11_actions`");
    await queryRunner.query("DROP INDEX `IDX_90140f0548ee9d139919ebe028` ON `section11_actions`");
    await queryRunner.query("DROP TABLE `section11_actions`");
    await queryRunner.query("DROP INDEX `IDX_e9b7b1390becd311fe325564e8` ON `section11_ratings`");
    await queryRunner.query("DROP INDEX `IDX_c03edce3225bc72f35e36d8618` ON `section11_ratings`");
    await queryRunner.query("DROP INDEX `IDX_ba8a8c59272b9d3e47a4ce0ebf` ON `section11_ratings`");
    await queryRunner.query("DROP TABLE `section11_ratings`");
    await queryRunner.query("DROP INDEX `IDX_c7393fcc5041b4d37e380224d4` ON `section11_returns`");
    await queryRunner.query("DROP INDEX `IDX_22c9a98fb887c447954c323cd4` ON `section11_returns`");
    await queryRunner.query("DROP INDEX `IDX_f5410f3af76cbff0d7d94176ce` ON `section11_returns`");
    await queryRunner.query("DROP TABLE `section11_returns`");
    await queryRunner.query("DROP INDEX `IDX_e5f0070fb9fd000f8d27c6a211` ON `agency_contacts`");
    await queryRunner.query("DROP TABLE `agency_contacts`");
  }
}
