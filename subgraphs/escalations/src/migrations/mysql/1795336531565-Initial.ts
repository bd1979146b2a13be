import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795336531565 implements MigrationInterface {
  name = 'Initial1795336531565';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `professional_disagreements` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `caseReference` varchar(40) NOT NULL, `raisedByOrganisationId` varchar(36) NOT NULL, `raisedWithOrganisationId` varchar(36) NOT NULL, `issueType` varchar(40) NOT NULL, `summary` varchar(2000) NOT NULL, `childAtImmediateRisk` tinyint NOT NULL, `status` varchar(16) NOT NULL, `stagePosition` int NOT NULL, `stageName` varchar(120) NOT NULL, `stageStartedOn` date NOT NULL, `stageDueOn` date NOT NULL, `stageDueRule` varchar(200) NOT NULL, `stageDueProvisional` tinyint NOT NULL, `raisedOn` date NOT NULL, `closedOn` date NULL, INDEX `IDX_cffabe15fa87b4756b4ee0d24a` (`partnershipId`), INDEX `IDX_b92b3b80bd98a3550917276bed` (`raisedByOrganisationId`), INDEX `IDX_3127683e30e7c768baeb249292` (`raisedWithOrganisationId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `escalation_stages` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `position` int NOT NULL, `name` varchar(120) NOT NULL, `participants` varchar(300) NOT NULL, `timescaleWorkingDays` int NOT NULL, UNIQUE INDEX `IDX_31819a296b47a8b03e9e944cbf` (`partnershipId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_31819a296b47a8b03e9e944cbf` ON `escalation_stages`");
    await queryRunner.query("DROP TABLE `escalation_stages`");
    await queryRunner.query("DROP INDEX `IDX_3127683e30e7c768baeb249292` ON `professional_disagreements`");
    await queryRunner.query("DROP INDEX `IDX_b92b3b80bd98a3550917276bed` ON `professional_disagreements`");
    await queryRunner.query("DROP INDEX `IDX_cffabe15fa87b4756b4ee0d24a` ON `professional_disagreements`");
    await queryRunner.query("DROP TABLE `professional_disagreements`");
  }
}
