import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolSafeguardingSelfAssessment1795342304407 implements MigrationInterface {
  name = 'SchoolSafeguardingSelfAssessment1795342304407';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `school_safeguarding_standards` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `position` int NOT NULL, `key` varchar(40) NOT NULL, `title` varchar(200) NOT NULL, `description` varchar(1000) NOT NULL, INDEX `IDX_d9b5d9f0e8fd241b0d9f360bf4` (`partnershipId`), UNIQUE INDEX `IDX_fa55abe47c4c7ea4fe079162a3` (`partnershipId`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `school_safeguarding_returns` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `urn` varchar(6) NOT NULL, `financialYear` varchar(7) NOT NULL, `submittedOn` date NOT NULL, INDEX `IDX_9616ddb29fd23dd8d1e029bdea` (`partnershipId`), INDEX `IDX_9ebc9166cb8eaea55ea999d25c` (`urn`), UNIQUE INDEX `IDX_5532d9da1e0ab811e224781b4d` (`partnershipId`, `urn`, `financialYear`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `school_safeguarding_ratings` (`id` varchar(36) NOT NULL, `returnId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `urn` varchar(6) NOT NULL, `standardKey` varchar(40) NOT NULL, `standardTitle` varchar(200) NOT NULL, `rating` varchar(5) NOT NULL, `evidence` text NOT NULL, INDEX `IDX_9571c204f26975dcf7bd8c2a74` (`returnId`), INDEX `IDX_5a76249a14251a5ad6f04f3333` (`partnershipId`), UNIQUE INDEX `IDX_64ed4471690d1371d457f76233` (`returnId`, `standardKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `school_safeguarding_actions` (`id` varchar(36) NOT NULL, `ratingId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `urn` varchar(6) NOT NULL, `financialYear` varchar(7) NOT NULL, `standardKey` varchar(40) NOT NULL, `description` varchar(1000) NOT NULL, `owner` varchar(200) NOT NULL, `dueOn` date NOT NULL, `completedOn` date NULL, INDEX `IDX_087bd2adc17623e5af2100cde0` (`ratingId`), INDEX `IDX_a7adb95009e574156a246cf2ed` (`partnershipId`), INDEX `IDX_a6f08f0b7eee0a71b7c17a1210` (`urn`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_a6f08f0b7eee0a71b7c17a1210` ON `school_safeguarding_actions`");
    await queryRunner.query("DROP INDEX `IDX_a7adb95009e574156a246cf2ed` ON `school_safeguarding_actions`");
    await queryRunner.query("DROP INDEX `IDX_087bd2adc17623e5af2100cde0` ON `school_safeguarding_actions`");
    await queryRunner.query("DROP TABLE `school_safeguarding_actions`");
    await queryRunner.query("DROP INDEX `IDX_64ed4471690d1371d457f76233` ON `school_safeguarding_ratings`");
    await queryRunner.query("DROP INDEX `IDX_5a76249a14251a5ad6f04f3333` ON `school_safeguarding_ratings`");
    await queryRunner.query("DROP INDEX `IDX_9571c204f26975dcf7bd8c2a74` ON `school_safeguarding_ratings`");
    await queryRunner.query("DROP TABLE `school_safeguarding_ratings`");
    await queryRunner.query("DROP INDEX `IDX_5532d9da1e0ab811e224781b4d` ON `school_safeguarding_returns`");
    await queryRunner.query("DROP INDEX `IDX_9ebc9166cb8eaea55ea999d25c` ON `school_safeguarding_returns`");
    await queryRunner.query("DROP INDEX `IDX_9616ddb29fd23dd8d1e029bdea` ON `school_safeguarding_returns`");
    await queryRunner.query("DROP TABLE `school_safeguarding_returns`");
    await queryRunner.query("DROP INDEX `IDX_fa55abe47c4c7ea4fe079162a3` ON `school_safeguarding_standards`");
    await queryRunner.query("DROP INDEX `IDX_d9b5d9f0e8fd241b0d9f360bf4` ON `school_safeguarding_standards`");
    await queryRunner.query("DROP TABLE `school_safeguarding_standards`");
  }
}
