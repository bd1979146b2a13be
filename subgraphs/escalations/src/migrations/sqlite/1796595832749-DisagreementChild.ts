import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DisagreementChild1796595832749 implements MigrationInterface {
  name = 'DisagreementChild1796595832749';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a1813a9571a5f32245da62fad8\"");
    await queryRunner.query("DROP INDEX \"IDX_3533417012feef4ba3b2876d04\"");
    await queryRunner.query("DROP INDEX \"IDX_5d27ea5e4b69be6c3388e642de\"");
    await queryRunner.query("DROP INDEX \"IDX_cffabe15fa87b4756b4ee0d24a\"");
    await queryRunner.query("DROP INDEX \"IDX_b92b3b80bd98a3550917276bed\"");
    await queryRunner.query("DROP INDEX \"IDX_3127683e30e7c768baeb249292\"");
    await queryRunner.query("CREATE TABLE \"temporary_professional_disagreements\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"caseReference\" varchar(40) NOT NULL, \"raisedByOrganisationId\" varchar(36) NOT NULL, \"raisedWithOrganisationId\" varchar(36) NOT NULL, \"raisedByKind\" varchar(8) NOT NULL DEFAULT ('AGENCY'), \"raisedWithKind\" varchar(8) NOT NULL DEFAULT ('AGENCY'), \"lastEventSequence\" integer NOT NULL DEFAULT (0), \"issueType\" varchar(40) NOT NULL, \"summary\" varchar(2000) NOT NULL, \"childAtImmediateRisk\" boolean NOT NULL, \"status\" varchar(16) NOT NULL, \"stagePosition\" integer NOT NULL, \"stageName\" varchar(120) NOT NULL, \"stageStartedOn\" date NOT NULL, \"stageDueOn\" date NOT NULL, \"stageDueRule\" varchar(200) NOT NULL, \"stageDueProvisional\" boolean NOT NULL, \"raisedOn\" date NOT NULL, \"closedOn\" date, \"raisedOnSource\" varchar(8) NOT NULL DEFAULT ('SERVER'), \"childReference\" varchar(40))");
    await queryRunner.query("INSERT INTO \"temporary_professional_disagreements\"(\"id\", \"partnershipId\", \"caseReference\", \"raisedByOrganisationId\", \"raisedWithOrganisationId\", \"raisedByKind\", \"raisedWithKind\", \"lastEventSequence\", \"issueType\", \"summary\", \"childAtImmediateRisk\", \"status\", \"stagePosition\", \"stageName\", \"stageStartedOn\", \"stageDueOn\", \"stageDueRule\", \"stageDueProvisional\", \"raisedOn\", \"closedOn\", \"raisedOnSource\") SELECT \"id\", \"partnershipId\", \"caseReference\", \"raisedByOrganisationId\", \"raisedWithOrganisationId\", \"raisedByKind\", \"raisedWithKind\", \"lastEventSequence\", \"issueType\", \"summary\", \"childAtImmediateRisk\", \"status\", \"stagePosition\", \"stageName\", \"stageStartedOn\", \"stageDueOn\", \"stageDueRule\", \"stageDueProvisional\", \"raisedOn\", \"closedOn\", \"raisedOnSource\" FROM \"professional_disagreements\"");
    await queryRunner.query("DROP TABLE \"professional_disagreements\"");
    await queryRunner.query("ALTER TABLE \"temporary_professional_disagreements\" RENAME TO \"professional_disagreements\"");
    await queryRunner.query("CREATE INDEX \"IDX_a1813a9571a5f32245da62fad8\" ON \"professional_disagreements\" (\"partnershipId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3533417012feef4ba3b2876d04\" ON \"professional_disagreements\" (\"raisedByOrganisationId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5d27ea5e4b69be6c3388e642de\" ON \"professional_disagreements\" (\"raisedWithOrganisationId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cffabe15fa87b4756b4ee0d24a\" ON \"professional_disagreements\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b92b3b80bd98a3550917276bed\" ON \"professional_disagreements\" (\"raisedByOrganisationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3127683e30e7c768baeb249292\" ON \"professional_disagreements\" (\"raisedWithOrganisationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ed6f4e1fcdbc22b36c6bf69160\" ON \"professional_disagreements\" (\"childReference\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_ed6f4e1fcdbc22b36c6bf69160\"");
    await queryRunner.query("DROP INDEX \"IDX_3127683e30e7c768baeb249292\"");
    await queryRunner.query("DROP INDEX \"IDX_b92b3b80bd98a3550917276bed\"");
    await queryRunner.query("DROP INDEX \"IDX_cffabe15fa87b4756b4ee0d24a\"");
    await queryRunner.query("DROP INDEX \"IDX_5d27ea5e4b69be6c3388e642de\"");
    await queryRunner.query("DROP INDEX \"IDX_3533417012feef4ba3b2876d04\"");
    await queryRunner.query("DROP INDEX \"IDX_a1813a9571a5f32245da62fad8\"");
    await queryRunner.query("ALTER TABLE \"professional_disagreements\" RENAME TO \"temporary_professional_disagreements\"");
    await queryRunner.query("CREATE TABLE \"professional_disagreements\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"caseReference\" varchar(40) NOT NULL, \"raisedByOrganisationId\" varchar(36) NOT NULL, \"raisedWithOrganisationId\" varchar(36) NOT NULL, \"raisedByKind\" varchar(8) NOT NULL DEFAULT ('AGENCY'), \"raisedWithKind\" varchar(8) NOT NULL DEFAULT ('AGENCY'), \"lastEventSequence\" integer NOT NULL DEFAULT (0), \"issueType\" varchar(40) NOT NULL, \"summary\" varchar(2000) NOT NULL, \"childAtImmediateRisk\" boolean NOT NULL, \"status\" varchar(16) NOT NULL, \"stagePosition\" integer NOT NULL, \"stageName\" varchar(120) NOT NULL, \"stageStartedOn\" date NOT NULL, \"stageDueOn\" date NOT NULL, \"stageDueRule\" varchar(200) NOT NULL, \"stageDueProvisional\" boolean NOT NULL, \"raisedOn\" date NOT NULL, \"closedOn\" date, \"raisedOnSource\" varchar(8) NOT NULL DEFAULT ('SERVER'))");
    await queryRunner.query("INSERT INTO \"professional_disagreements\"(\"id\", \"partnershipId\", \"caseReference\", \"raisedByOrganisationId\", \"raisedWithOrganisationId\", \"raisedByKind\", \"raisedWithKind\", \"lastEventSequence\", \"issueType\", \"summary\", \"childAtImmediateRisk\", \"status\", \"stagePosition\", \"stageName\", \"stageStartedOn\", \"stageDueOn\", \"stageDueRule\", \"stageDueProvisional\", \"raisedOn\", \"closedOn\", \"raisedOnSource\") SELECT \"id\", \"partnershipId\", \"caseReference\", \"raisedByOrganisationId\", \"raisedWithOrganisationId\", \"raisedByKind\", \"raisedWithKind\", \"lastEventSequence\", \"issueType\", \"summary\", \"childAtImmediateRisk\", \"status\", \"stagePosition\", \"stageName\", \"stageStartedOn\", \"stageDueOn\", \"stageDueRule\", \"stageDueProvisional\", \"raisedOn\", \"closedOn\", \"raisedOnSource\" FROM \"temporary_professional_disagreements\"");
    await queryRunner.query("DROP TABLE \"temporary_professional_disagreements\"");
    await queryRunner.query("CREATE INDEX \"IDX_3127683e30e7c768baeb249292\" ON \"professional_disagreements\" (\"raisedWithOrganisationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b92b3b80bd98a3550917276bed\" ON \"professional_disagreements\" (\"raisedByOrganisationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_cffabe15fa87b4756b4ee0d24a\" ON \"professional_disagreements\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5d27ea5e4b69be6c3388e642de\" ON \"professional_disagreements\" (\"raisedWithOrganisationId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3533417012feef4ba3b2876d04\" ON \"professional_disagreements\" (\"raisedByOrganisationId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a1813a9571a5f32245da62fad8\" ON \"professional_disagreements\" (\"partnershipId\", \"raisedOn\", \"caseReference\", \"id\") ");
  }
}
