import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796193268458 implements MigrationInterface {
  name = 'Initial1796193268458';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"action\" varchar(10) NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"operationName\" varchar(200), \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"partnershipId\" varchar(36), \"reason\" varchar(500), \"channel\" varchar(10) NOT NULL, \"requestId\" varchar(64) NOT NULL, \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_587d9a17fcf8bab967cc4acd28\" ON \"audit_records\" (\"partnershipId\") ");
    await queryRunner.query("CREATE TABLE \"audit_chain_head\" (\"id\" integer PRIMARY KEY NOT NULL, \"sequence\" integer NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"child_death_reviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"localAuthorityGssCode\" varchar(9) NOT NULL, \"localAuthorityId\" varchar(36) NOT NULL, \"integratedCareBoardOdsCode\" varchar(3) NOT NULL, \"integratedCareBoardId\" varchar(36) NOT NULL, \"childReference\" varchar(40) NOT NULL, \"ageAtDeathYears\" integer NOT NULL, \"dateOfDeath\" date NOT NULL, \"cdopNotificationHours\" integer NOT NULL, \"cdopNotifiedOn\" date, \"jointAgencyResponseNeeded\" boolean NOT NULL, \"jointAgencyResponseReason\" varchar(2000), \"reviewMeetingOn\" date, \"panelReviewOn\" date, \"category\" varchar(60), \"modifiableFactorsIdentified\" boolean)");
    await queryRunner.query("CREATE INDEX \"IDX_eb202eae5d7b296c5b0ab50035\" ON \"child_death_reviews\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8614f1c0e31c2bae4743741060\" ON \"child_death_reviews\" (\"localAuthorityGssCode\", \"dateOfDeath\") ");
    await queryRunner.query("CREATE TABLE \"cdop_notification_settings\" (\"partnershipId\" varchar(36) PRIMARY KEY NOT NULL, \"hours\" integer NOT NULL)");
    await queryRunner.query("CREATE TABLE \"serious_incident_notifications\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"caseReference\" varchar(40) NOT NULL, \"localAuthorityGssCode\" varchar(9) NOT NULL, \"localAuthorityId\" varchar(36) NOT NULL, \"dateAware\" date NOT NULL, \"dateNotified\" date, \"status\" varchar(8) NOT NULL, \"death\" boolean NOT NULL, \"seriousHarm\" boolean NOT NULL, \"abuseOrNeglect\" boolean NOT NULL, \"lookedAfterChildDeath\" boolean NOT NULL, \"careLeaverDeath\" boolean NOT NULL, \"careLeaverAgeAtDeath\" integer)");
    await queryRunner.query("CREATE INDEX \"IDX_f7554fdeb4e1d4fe528f6ac06b\" ON \"serious_incident_notifications\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_8dbf7eba30e54e6af21899fa28\" ON \"serious_incident_notifications\" (\"localAuthorityId\") ");
    await queryRunner.query("CREATE TABLE \"notified_children\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"notificationId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"position\" integer NOT NULL, \"reference\" varchar(40) NOT NULL, \"ageYears\" integer NOT NULL, \"sex\" varchar(10) NOT NULL, \"ethnicityCode\" varchar(4) NOT NULL, \"onChildProtectionPlan\" boolean NOT NULL, \"lookedAfter\" boolean NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_169776136e6bac41df9e9fc8ea\" ON \"notified_children\" (\"notificationId\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"notification_partners_told\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"notificationId\" varchar(36) NOT NULL, \"organisationId\" varchar(36) NOT NULL, \"toldOn\" date, \"dateAware\" date NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e4bc59d0d2515df4ee529cd276\" ON \"notification_partners_told\" (\"notificationId\", \"organisationId\") ");
    await queryRunner.query("CREATE TABLE \"practice_reviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"kind\" varchar(16) NOT NULL, \"title\" varchar(300) NOT NULL, \"decisionDate\" date NOT NULL, \"status\" varchar(16) NOT NULL, \"publishedOn\" date, \"publicationUrl\" varchar(500), \"rapidReviewId\" varchar(36), \"reviewerId\" varchar(36), \"localReviewerName\" varchar(200), \"termsOfReference\" varchar(4000), \"reportSentOn\" date)");
    await queryRunner.query("CREATE INDEX \"IDX_1cdece63359b1ab2f3744df546\" ON \"practice_reviews\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2aca163dec6ed16c3e07edd949\" ON \"practice_reviews\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d9a08f4823a6c3700df9408312\" ON \"practice_reviews\" (\"rapidReviewId\") ");
    await queryRunner.query("CREATE TABLE \"rapid_reviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"notificationId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"status\" varchar(16) NOT NULL, \"openedOn\" date NOT NULL, \"notificationSentOn\" date NOT NULL, \"decidedOn\" date, \"localPracticeReviewDecided\" boolean, \"nationalReviewRecommended\" boolean, \"decisionReasons\" varchar(4000), \"sentToPanelOn\" date, \"panelRespondedOn\" date, \"panelAgreed\" boolean, \"panelResponse\" varchar(4000))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_58daaf3aca5063de8b40163edd\" ON \"rapid_reviews\" (\"notificationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1ef4e1d184264a603291550b4a\" ON \"rapid_reviews\" (\"partnershipId\") ");
    await queryRunner.query("CREATE TABLE \"recommendations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"practiceReviewId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"text\" varchar(4000) NOT NULL, \"ownerKind\" varchar(12) NOT NULL, \"ownerOrganisationId\" varchar(36) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_b1811f5d56d6c075ffb5ee3feb\" ON \"recommendations\" (\"practiceReviewId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c8d9e7785269b35d2914bc17ea\" ON \"recommendations\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_35cc9d6abb1f45bfce66a65684\" ON \"recommendations\" (\"ownerKind\", \"ownerOrganisationId\") ");
    await queryRunner.query("CREATE TABLE \"review_actions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"recommendationId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"description\" varchar(2000) NOT NULL, \"ownerKind\" varchar(12) NOT NULL, \"ownerOrganisationId\" varchar(36) NOT NULL, \"dueOn\" date NOT NULL, \"status\" varchar(12) NOT NULL, \"startedOn\" date, \"completedOn\" date, \"evidencedOn\" date, \"evidence\" varchar(4000), \"impactNotes\" varchar(4000))");
    await queryRunner.query("CREATE INDEX \"IDX_198bcd1ac63952321bfb5b27e7\" ON \"review_actions\" (\"recommendationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_f7fed55b387b97e593147cabd5\" ON \"review_actions\" (\"partnershipId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_66e975764f15596afaae03fa5f\" ON \"review_actions\" (\"ownerKind\", \"ownerOrganisationId\") ");
    await queryRunner.query("CREATE TABLE \"reviewers\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"expertise\" varchar(1000) NOT NULL, \"joinedPoolOn\" date NOT NULL, \"leftPoolOn\" date)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"reviewers\"");
    await queryRunner.query("DROP INDEX \"IDX_66e975764f15596afaae03fa5f\"");
    await queryRunner.query("DROP INDEX \"IDX_f7fed55b387b97e593147cabd5\"");
    await queryRunner.query("DROP INDEX \"IDX_198bcd1ac63952321bfb5b27e7\"");
    await queryRunner.query("DROP TABLE \"review_actions\"");
    await queryRunner.query("DROP INDEX \"IDX_35cc9d6abb1f45bfce66a65684\"");
    await queryRunner.query("DROP INDEX \"IDX_c8d9e7785269b35d2914bc17ea\"");
    await queryRunner.query("DROP INDEX \"IDX_b1811f5d56d6c075ffb5ee3feb\"");
    await queryRunner.query("DROP TABLE \"recommendations\"");
    await queryRunner.query("DROP INDEX \"IDX_1ef4e1d184264a603291550b4a\"");
    await queryRunner.query("DROP INDEX \"IDX_58daaf3aca5063de8b40163edd\"");
    await queryRunner.query("DROP TABLE \"rapid_reviews\"");
    await queryRunner.query("DROP INDEX \"IDX_d9a08f4823a6c3700df9408312\"");
    await queryRunner.query("DROP INDEX \"IDX_2aca163dec6ed16c3e07edd949\"");
    await queryRunner.query("DROP INDEX \"IDX_1cdece63359b1ab2f3744df546\"");
    await queryRunner.query("DROP TABLE \"practice_reviews\"");
    await queryRunner.query("DROP INDEX \"IDX_e4bc59d0d2515df4ee529cd276\"");
    await queryRunner.query("DROP TABLE \"notification_partners_told\"");
    await queryRunner.query("DROP INDEX \"IDX_169776136e6bac41df9e9fc8ea\"");
    await queryRunner.query("DROP TABLE \"notified_children\"");
    await queryRunner.query("DROP INDEX \"IDX_8dbf7eba30e54e6af21899fa28\"");
    await queryRunner.query("DROP INDEX \"IDX_f7554fdeb4e1d4fe528f6ac06b\"");
    await queryRunner.query("DROP TABLE \"serious_incident_notifications\"");
    await queryRunner.query("DROP TABLE \"cdop_notification_settings\"");
    await queryRunner.query("DROP INDEX \"IDX_8614f1c0e31c2bae4743741060\"");
    await queryRunner.query("DROP INDEX \"IDX_eb202eae5d7b296c5b0ab50035\"");
    await queryRunner.query("DROP TABLE \"child_death_reviews\"");
    await queryRunner.query("DROP TABLE \"audit_chain_head\"");
    await queryRunner.query("DROP INDEX \"IDX_587d9a17fcf8bab967cc4acd28\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
  }
}
