import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796233104201 implements MigrationInterface {
  name = 'Initial1796233104201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"action\" varchar(10) NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"operationName\" varchar(200), \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"partnershipId\" varchar(36), \"reason\" varchar(500), \"channel\" varchar(10) NOT NULL, \"requestId\" varchar(64) NOT NULL, \"clientRequestId\" varchar(64), \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_587d9a17fcf8bab967cc4acd28\" ON \"audit_records\" (\"partnershipId\") ");
    await queryRunner.query("CREATE TABLE \"audit_chain_head\" (\"id\" integer PRIMARY KEY NOT NULL, \"sequence\" integer NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"audit_checkpoints\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"hash\" varchar(64) NOT NULL, \"signedAt\" varchar(30) NOT NULL, \"signature\" varchar(100) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"outbox_event\" (\"position\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"eventId\" varchar(36) NOT NULL, \"type\" varchar(60) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"sequence\" integer NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"payload\" text NOT NULL, \"publishedAt\" varchar(30))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_event_id\" ON \"outbox_event\" (\"eventId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_outbox_event_unpublished\" ON \"outbox_event\" (\"publishedAt\", \"position\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_entity_sequence\" ON \"outbox_event\" (\"entityType\", \"entityId\", \"sequence\") ");
    await queryRunner.query("CREATE TABLE \"obligation\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(40) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"audience\" text NOT NULL, \"openedAt\" varchar(30) NOT NULL, \"updatedAt\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_status_due\" ON \"obligation\" (\"status\", \"due\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_obligation_about\" ON \"obligation\" (\"kind\", \"entityType\", \"entityId\", \"occurrence\") ");
    await queryRunner.query("CREATE TABLE \"obligation_audience\" (\"obligationId\" varchar(36) NOT NULL, \"clause\" varchar(20) NOT NULL, \"value\" varchar(64) NOT NULL, PRIMARY KEY (\"obligationId\", \"clause\", \"value\"))");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_audience_value\" ON \"obligation_audience\" (\"clause\", \"value\", \"obligationId\") ");
    await queryRunner.query("CREATE TABLE \"obligation_index\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"source\" varchar(30) NOT NULL, \"kind\" varchar(40) NOT NULL, \"aboutType\" varchar(60) NOT NULL, \"aboutId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"sequence\" integer NOT NULL, \"changedAt\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_organisation\" ON \"obligation_index\" (\"ownerOrganisationId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_partnership\" ON \"obligation_index\" (\"ownerPartnershipId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_status_due\" ON \"obligation_index\" (\"status\", \"due\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"received_event\" (\"position\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"eventId\" varchar(36) NOT NULL, \"source\" varchar(30) NOT NULL, \"type\" varchar(60) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"sequence\" integer NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"payload\" text NOT NULL, \"receivedAt\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_received_event_event_id\" ON \"received_event\" (\"eventId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_received_event_type\" ON \"received_event\" (\"type\", \"position\") ");
    await queryRunner.query("CREATE INDEX \"IDX_received_event_entity\" ON \"received_event\" (\"entityType\", \"entityId\", \"sequence\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_received_event_entity\"");
    await queryRunner.query("DROP INDEX \"IDX_received_event_type\"");
    await queryRunner.query("DROP INDEX \"IDX_received_event_event_id\"");
    await queryRunner.query("DROP TABLE \"received_event\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_status_due\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_partnership\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_organisation\"");
    await queryRunner.query("DROP TABLE \"obligation_index\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_audience_value\"");
    await queryRunner.query("DROP TABLE \"obligation_audience\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_about\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_status_due\"");
    await queryRunner.query("DROP TABLE \"obligation\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_entity_sequence\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_unpublished\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_event_id\"");
    await queryRunner.query("DROP TABLE \"outbox_event\"");
    await queryRunner.query("DROP TABLE \"audit_checkpoints\"");
    await queryRunner.query("DROP TABLE \"audit_chain_head\"");
    await queryRunner.query("DROP INDEX \"IDX_587d9a17fcf8bab967cc4acd28\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
  }
}
