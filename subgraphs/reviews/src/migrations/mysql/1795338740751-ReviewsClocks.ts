import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewsClocks1795338740751 implements MigrationInterface {
  name = 'ReviewsClocks1795338740751';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `child_death_reviews` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `localAuthorityGssCode` varchar(9) NOT NULL, `localAuthorityId` varchar(36) NOT NULL, `integratedCareBoardOdsCode` varchar(3) NOT NULL, `integratedCareBoardId` varchar(36) NOT NULL, `childReference` varchar(40) NOT NULL, `ageAtDeathYears` int NOT NULL, `dateOfDeath` date NOT NULL, `cdopNotificationHours` int NOT NULL, `cdopNotifiedOn` date NULL, `jointAgencyResponseNeeded` tinyint NOT NULL, `jointAgencyResponseReason` varchar(2000) NULL, `reviewMeetingOn` date NULL, `panelReviewOn` date NULL, `category` varchar(60) NULL, `modifiableFactorsIdentified` tinyint NULL, INDEX `IDX_eb202eae5d7b296c5b0ab50035` (`partnershipId`), INDEX `IDX_8614f1c0e31c2bae4743741060` (`localAuthorityGssCode`, `dateOfDeath`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `cdop_notification_settings` (`partnershipId` varchar(36) NOT NULL, `hours` int NOT NULL, PRIMARY KEY (`partnershipId`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `serious_incident_notifications` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `caseReference` varchar(40) NOT NULL, `localAuthorityGssCode` varchar(9) NOT NULL, `localAuthorityId` varchar(36) NOT NULL, `dateAware` date NOT NULL, `dateNotified` date NULL, `status` varchar(8) NOT NULL, `death` tinyint NOT NULL, `seriousHarm` tinyint NOT NULL, `abuseOrNeglect` tinyint NOT NULL, `lookedAfterChildDeath` tinyint NOT NULL, `careLeaverDeath` tinyint NOT NULL, `careLeaverAgeAtDeath` int NULL, INDEX `IDX_f7554fdeb4e1d4fe528f6ac06b` (`partnershipId`), INDEX `IDX_8dbf7eba30e54e6af21899fa28` (`localAuthorityId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notified_children` (`id` varchar(36) NOT NULL, `notificationId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `position` int NOT NULL, `reference` varchar(40) NOT NULL, `ageYears` int NOT NULL, `sex` varchar(10) NOT NULL, `ethnicityCode` varchar(4) NOT NULL, `onChildProtectionPlan` tinyint NOT NULL, `lookedAfter` tinyint NOT NULL, UNIQUE INDEX `IDX_169776136e6bac41df9e9fc8ea` (`notificationId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notification_partners_told` (`id` varchar(36) NOT NULL, `notificationId` varchar(36) NOT NULL, `organisationId` varchar(36) NOT NULL, `toldOn` date NULL, `dateAware` date NOT NULL, UNIQUE INDEX `IDX_e4bc59d0d2515df4ee529cd276` (`notificationId`, `organisationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `rapid_reviews` (`id` varchar(36) NOT NULL, `notificationId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `status` varchar(16) NOT NULL, `openedOn` date NOT NULL, `notificationSentOn` date NOT NULL, `decidedOn` date NULL, `localPracticeReviewDecided` tinyint NULL, `nationalReviewRecommended` tinyint NULL, `decisionReasons` varchar(4000) NULL, `sentToPanelOn` date NULL, `panelRespondedOn` date NULL, `panelAgreed` tinyint NULL, `panelResponse` varchar(4000) NULL, UNIQUE INDEX `IDX_58daaf3aca5063de8b40163edd` (`notificationId`), INDEX `IDX_1ef4e1d184264a603291550b4a` (`partnershipId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `recommendations` (`id` varchar(36) NOT NULL, `practiceReviewId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `text` varchar(4000) NOT NULL, `ownerKind` varchar(12) NOT NULL, `ownerOrganisationId` varchar(36) NOT NULL, INDEX `IDX_b1811f5d56d6c075ffb5ee3feb` (`practiceReviewId`), INDEX `IDX_c8d9e7785269b35d2914bc17ea` (`partnershipId`), INDEX `IDX_35cc9d6abb1f45bfce66a65684` (`ownerKind`, `ownerOrganisationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `review_actions` (`id` varchar(36) NOT NULL, `recommendationId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `description` varchar(2000) NOT NULL, `ownerKind` varchar(12) NOT NULL, `ownerOrganisationId` varchar(36) NOT NULL, `dueOn` date NOT NULL, `status` varchar(12) NOT NULL, `startedOn` date NULL, `completedOn` date NULL, `evidencedOn` date NULL, `evidence` varchar(4000) NULL, `impactNotes` varchar(4000) NULL, INDEX `IDX_198bcd1ac63952321bfb5b27e7` (`recommendationId`), INDEX `IDX_f7fed55b387b97e593147cabd5` (`partnershipId`, `status`), INDEX `IDX_66e975764f15596afaae03fa5f` (`ownerKind`, `ownerOrganisationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `reviewers` (`id` varchar(36) NOT NULL, `name` varchar(200) NOT NULL, `expertise` varchar(1000) NOT NULL, `joinedPoolOn` date NOT NULL, `leftPoolOn` date NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `practice_reviews` ADD `rapidReviewId` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `practice_reviews` ADD `reviewerId` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `practice_reviews` ADD `localReviewerName` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `practice_reviews` ADD `termsOfReference` varchar(4000) NULL");
    await queryRunner.query("ALTER TABLE `practice_reviews` ADD `reportSentOn` date NULL");
    await queryRunner.query("CREATE INDEX `IDX_d9a08f4823a6c3700df9408312` ON `practice_reviews` (`rapidReviewId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_d9a08f4823a6c3700df9408312` ON `practice_reviews`");
    await queryRunner.query("ALTER TABLE `practice_reviews` DROP COLUMN `reportSentOn`");
    await queryRunner.query("ALTER TABLE `practice_reviews` DROP COLUMN `termsOfReference`");
    await queryRunner.query("ALTER TABLE `practice_reviews` DROP COLUMN `localReviewerName`");
    await queryRunner.query("ALTER TABLE `practice_reviews` DROP COLUMN `reviewerId`");
    await queryRunner.query("ALTER TABLE `practice_reviews` DROP COLUMN `rapidReviewId`");
    await queryRunner.query("DROP TABLE `reviewers`");
    await queryRunner.query("DROP INDEX `IDX_66e975764f15596afaae03fa5f` ON `review_actions`");
    await queryRunner.query("DROP INDEX `IDX_f7fed55b387b97e593147cabd5` ON `review_actions`");
    await queryRunner.query("DROP INDEX `IDX_198bcd1ac63952321bfb5b27e7` ON `review_actions`");
    await queryRunner.query("DROP TABLE `review_actions`");
    await queryRunner.query("DROP INDEX `IDX_35cc9d6abb1f45bfce66a65684` ON `recommendations`");
    await queryRunner.query("DROP INDEX `IDX_c8d9e7785269b35d2914bc17ea` ON `recommendations`");
    await queryRunner.query("DROP INDEX `IDX_b1811f5d56d6c075ffb5ee3feb` ON `recommendations`");
    await queryRunner.query("DROP TABLE `recommendations`");
    await queryRunner.query("DROP INDEX `IDX_1ef4e1d184264a603291550b4a` ON `rapid_reviews`");
    await queryRunner.query("DROP INDEX `IDX_58daaf3aca5063de8b40163edd` ON `rapid_reviews`");
    await queryRunner.query("DROP TABLE `rapid_reviews`");
    await queryRunner.query("DROP INDEX `IDX_e4bc59d0d2515df4ee529cd276` ON `notification_partners_told`");
    await queryRunner.query("DROP TABLE `notification_partners_told`");
    await queryRunner.query("DROP INDEX `IDX_169776136e6bac41df9e9fc8ea` ON `notified_children`");
    await queryRunner.query("DROP TABLE `notified_children`");
    await queryRunner.query("DROP INDEX `IDX_8dbf7eba30e54e6af21899fa28` ON `serious_incident_notifications`");
    await queryRunner.query("DROP INDEX `IDX_f7554fdeb4e1d4fe528f6ac06b` ON `serious_incident_notifications`");
    await queryRunner.query("DROP TABLE `serious_incident_notifications`");
    await queryRunner.query("DROP TABLE `cdop_notification_settings`");
    await queryRunner.query("DROP INDEX `IDX_8614f1c0e31c2bae4743741060` ON `child_death_reviews`");
    await queryRunner.query("DROP INDEX `IDX_eb202eae5d7b296c5b0ab50035` ON `child_death_reviews`");
    await queryRunner.query("DROP TABLE `child_death_reviews`");
  }
}
