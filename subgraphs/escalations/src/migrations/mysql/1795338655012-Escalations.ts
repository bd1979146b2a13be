import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Escalations1795338655012 implements MigrationInterface {
  name = 'Escalations1795338655012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `escalation_events` (`id` varchar(36) NOT NULL, `streamType` varchar(30) NOT NULL, `streamId` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `sequence` int NOT NULL, `kind` varchar(30) NOT NULL, `occurredAt` varchar(30) NOT NULL, `occurredOn` date NOT NULL, `subject` varchar(200) NOT NULL, `organisationId` varchar(64) NOT NULL, `organisationKind` varchar(32) NOT NULL, `fromStage` int NULL, `toStage` int NULL, `stageName` varchar(120) NULL, `stageDueOn` date NULL, `stageDueRule` varchar(200) NULL, `stageDueProvisional` tinyint NULL, `reason` varchar(2000) NULL, `outcome` varchar(2000) NULL, `agreedActionsJson` text NULL, `previousHash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `IDX_0505fce8bd4e9e7cdb069714bd` (`partnershipId`), UNIQUE INDEX `IDX_a3568dea68e0e9c182e765b9b1` (`streamId`, `sequence`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `national_escalations` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `escalatedTo` varchar(48) NOT NULL, `matter` varchar(48) NOT NULL, `summary` varchar(2000) NOT NULL, `status` varchar(16) NOT NULL, `raisedByOrganisationId` varchar(64) NOT NULL, `raisedOn` date NOT NULL, `closedOn` date NULL, `lastEventSequence` int NOT NULL DEFAULT '0', INDEX `IDX_6e24b0cc500fb76a159b1ae5a5` (`partnershipId`), INDEX `IDX_a22534636d58b51766dafab726` (`status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `professional_disagreements` ADD `raisedByKind` varchar(8) NOT NULL DEFAULT 'AGENCY'");
    await queryRunner.query("ALTER TABLE `professional_disagreements` ADD `raisedWithKind` varchar(8) NOT NULL DEFAULT 'AGENCY'");
    await queryRunner.query("ALTER TABLE `professional_disagreements` ADD `lastEventSequence` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `escalation_stages` ADD `actsOnImmediateRisk` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `escalation_stages` ADD `scrutineerFacilitates` tinyint NOT NULL DEFAULT 0");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `escalation_stages` DROP COLUMN `scrutineerFacilitates`");
    await queryRunner.query("ALTER TABLE `escalation_stages` DROP COLUMN `actsOnImmediateRisk`");
    await queryRunner.query("ALTER TABLE `professional_disagreements` DROP COLUMN `lastEventSequence`");
    await queryRunner.query("ALTER TABLE `professional_disagreements` DROP COLUMN `raisedWithKind`");
    await queryRunner.query("ALTER TABLE `professional_disagreements` DROP COLUMN `raisedByKind`");
    await queryRunner.query("DROP INDEX `IDX_a22534636d58b51766dafab726` ON `national_escalations`");
    await queryRunner.query("DROP INDEX `IDX_6e24b0cc500fb76a159b1ae5a5` ON `national_escalations`");
    await queryRunner.query("DROP TABLE `national_escalations`");
    await queryRunner.query("DROP INDEX `IDX_a3568dea68e0e9c182e765b9b1` ON `escalation_events`");
    await queryRunner.query("DROP INDEX `IDX_0505fce8bd4e9e7cdb069714bd` ON `escalation_events`");
    await queryRunner.query("DROP TABLE `escalation_events`");
  }
}
