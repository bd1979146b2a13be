import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796193268675 implements MigrationInterface {
  name = 'Initial1796193268675';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"action\" varchar(10) NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"operationName\" varchar(200), \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"partnershipId\" varchar(36), \"reason\" varchar(500), \"channel\" varchar(10) NOT NULL, \"requestId\" varchar(64) NOT NULL, \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_587d9a17fcf8bab967cc4acd28\" ON \"audit_records\" (\"partnershipId\") ");
    await queryRunner.query("CREATE TABLE \"audit_chain_head\" (\"id\" integer PRIMARY KEY NOT NULL, \"sequence\" integer NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"professional_disagreements\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"caseReference\" varchar(40) NOT NULL, \"raisedByOrganisationId\" varchar(36) NOT NULL, \"raisedWithOrganisationId\" varchar(36) NOT NULL, \"raisedByKind\" varchar(8) NOT NULL DEFAULT ('AGENCY'), \"raisedWithKind\" varchar(8) NOT NULL DEFAULT ('AGENCY'), \"lastEventSequence\" integer NOT NULL DEFAULT (0), \"issueType\" varchar(40) NOT NULL, \"summary\" varchar(2000) NOT NULL, \"childAtImmediateRisk\" boolean NOT NULL, \"status\" varchar(16) NOT NULL, \"stagePosition\" integer NOT NULL, \"stageName\" varchar(120) NOT NULL, \"stageStartedOn\" date NOT NULL, \"stageDueOn\" date NOT NULL, \"stageDueRule\" varchar(200) NOT NULL, \"stageDueProvisional\" boolean NOT NULL, \"raisedOn\" date NOT NULL, \"closedOn\" date)");
    await queryRunner.query("CREATE INDEX \"IDX_cffabe15fa87b4756b4ee0d24a\" ON \"professional_disagreements\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b92b3b80bd98a3550917276bed\" ON \"professional_disagreements\" (\"raisedByOrganisationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3127683e30e7c768baeb249292\" ON \"professional_disagreements\" (\"raisedWithOrganisationId\") ");
    await queryRunner.query("CREATE TABLE \"escalation_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"streamType\" varchar(30) NOT NULL, \"streamId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"sequence\" integer NOT NULL, \"kind\" varchar(30) NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"occurredOn\" date NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"fromStage\" integer, \"toStage\" integer, \"stageName\" varchar(120), \"stageDueOn\" date, \"stageDueRule\" varchar(200), \"stageDueProvisional\" boolean, \"reason\" varchar(2000), \"outcome\" varchar(2000), \"agreedActionsJson\" text, \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_0505fce8bd4e9e7cdb069714bd\" ON \"escalation_events\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a3568dea68e0e9c182e765b9b1\" ON \"escalation_events\" (\"streamId\", \"sequence\") ");
    await queryRunner.query("CREATE TABLE \"escalation_stages\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"position\" integer NOT NULL, \"name\" varchar(120) NOT NULL, \"participants\" varchar(300) NOT NULL, \"timescaleWorkingDays\" integer NOT NULL, \"actsOnImmediateRisk\" boolean NOT NULL DEFAULT (0), \"scrutineerFacilitates\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_31819a296b47a8b03e9e944cbf\" ON \"escalation_stages\" (\"partnershipId\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"national_escalations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"escalatedTo\" varchar(48) NOT NULL, \"matter\" varchar(48) NOT NULL, \"summary\" varchar(2000) NOT NULL, \"status\" varchar(16) NOT NULL, \"raisedByOrganisationId\" varchar(64) NOT NULL, \"raisedOn\" date NOT NULL, \"closedOn\" date, \"lastEventSequence\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE INDEX \"IDX_6e24b0cc500fb76a159b1ae5a5\" ON \"national_escalations\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a22534636d58b51766dafab726\" ON \"national_escalations\" (\"status\") ");
    await queryRunner.query("CREATE TABLE \"referrals\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"idempotencyKey\" varchar(100) NOT NULL, \"contentHash\" varchar(64) NOT NULL, \"referrerOrganisationId\" varchar(36) NOT NULL, \"referrerKind\" varchar(8) NOT NULL, \"practitionerSubject\" varchar(200) NOT NULL, \"practitionerName\" varchar(120), \"practitionerRole\" varchar(120), \"childReference\" varchar(40) NOT NULL, \"nhsNumber\" varchar(10), \"homeLocalAuthorityGssCode\" varchar(9) NOT NULL, \"receivingLocalAuthorityGssCode\" varchar(9) NOT NULL, \"receivingAuthorityId\" varchar(36) NOT NULL, \"concernCategories\" text NOT NULL, \"significantHarm\" boolean NOT NULL, \"urgency\" varchar(24) NOT NULL, \"earlyHelpIndicators\" text NOT NULL, \"lawfulBasis\" varchar(24) NOT NULL, \"consent\" varchar(24) NOT NULL, \"consentReason\" varchar(1000), \"receivedAt\" varchar(30) NOT NULL, \"receivedOn\" date NOT NULL, \"dueOn\" date NOT NULL, \"dueRule\" varchar(200) NOT NULL, \"dueProvisional\" boolean NOT NULL, \"status\" varchar(16) NOT NULL, \"acknowledgedAt\" varchar(30), \"acknowledgedOn\" date, \"decision\" varchar(40), \"decidedAt\" varchar(30), \"decidedOn\" date, \"feedback\" varchar(2000), \"respondedBy\" varchar(200), \"possibleDuplicateOfId\" varchar(36))");
    await queryRunner.query("CREATE INDEX \"IDX_c1f358ea746a0d5c77e5654337\" ON \"referrals\" (\"referrerOrganisationId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c0ddfd3b3484e1850193e80050\" ON \"referrals\" (\"dueOn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c2ea4262719c2cb9378e9a697d\" ON \"referrals\" (\"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5174461f3b6b21626f541e2322\" ON \"referrals\" (\"receivingAuthorityId\", \"childReference\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a36cb8da280fa3196085b679d3\" ON \"referrals\" (\"referrerOrganisationId\", \"idempotencyKey\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_a36cb8da280fa3196085b679d3\"");
    await queryRunner.query("DROP INDEX \"IDX_5174461f3b6b21626f541e2322\"");
    await queryRunner.query("DROP INDEX \"IDX_c2ea4262719c2cb9378e9a697d\"");
    await queryRunner.query("DROP INDEX \"IDX_c0ddfd3b3484e1850193e80050\"");
    await queryRunner.query("DROP INDEX \"IDX_c1f358ea746a0d5c77e5654337\"");
    await queryRunner.query("DROP TABLE \"referrals\"");
    await queryRunner.query("DROP INDEX \"IDX_a22534636d58b51766dafab726\"");
    await queryRunner.query("DROP INDEX \"IDX_6e24b0cc500fb76a159b1ae5a5\"");
    await queryRunner.query("DROP TABLE \"national_escalations\"");
    await queryRunner.query("DROP INDEX \"IDX_31819a296b47a8b03e9e944cbf\"");
    await queryRunner.query("DROP TABLE \"escalation_stages\"");
    await queryRunner.query("DROP INDEX \"IDX_a3568dea68e0e9c182e765b9b1\"");
    await queryRunner.query("DROP INDEX \"IDX_0505fce8bd4e9e7cdb069714bd\"");
    await queryRunner.query("DROP TABLE \"escalation_events\"");
    await queryRunner.query("DROP INDEX \"IDX_3127683e30e7c768baeb249292\"");
    await queryRunner.query("DROP INDEX \"IDX_b92b3b80bd98a3550917276bed\"");
    await queryRunner.query("DROP INDEX \"IDX_cffabe15fa87b4756b4ee0d24a\"");
    await queryRunner.query("DROP TABLE \"professional_disagreements\"");
    await queryRunner.query("DROP TABLE \"audit_chain_head\"");
    await queryRunner.query("DROP INDEX \"IDX_587d9a17fcf8bab967cc4acd28\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
  }
}
