import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MachineIdentities1796318409237 implements MigrationInterface {
  name = 'MachineIdentities1796318409237';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_587d9a17fcf8bab967cc4acd28\"");
    await queryRunner.query("CREATE TABLE \"temporary_audit_records\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"action\" varchar(10) NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"clientOperationName\" varchar(200), \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"partnershipId\" varchar(36), \"reason\" varchar(500), \"channel\" varchar(10) NOT NULL, \"requestId\" varchar(64) NOT NULL, \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL, \"clientRequestId\" varchar(64), \"outcome\" varchar(10) NOT NULL DEFAULT ('ALLOWED'), \"operationType\" varchar(12), \"rootFields\" varchar(200), \"documentHash\" varchar(64), \"clientId\" varchar(100))");
    await queryRunner.query("INSERT INTO \"temporary_audit_records\"(\"sequence\", \"occurredAt\", \"action\", \"subject\", \"organisationId\", \"organisationKind\", \"clientOperationName\", \"entityType\", \"entityId\", \"partnershipId\", \"reason\", \"channel\", \"requestId\", \"previousHash\", \"hash\", \"clientRequestId\", \"outcome\", \"operationType\", \"rootFields\", \"documentHash\") SELECT \"sequence\", \"occurredAt\", \"action\", \"subject\", \"organisationId\", \"organisationKind\", \"clientOperationName\", \"entityType\", \"entityId\", \"partnershipId\", \"reason\", \"channel\", \"requestId\", \"previousHash\", \"hash\", \"clientRequestId\", \"outcome\", \"operationType\", \"rootFields\", \"documentHash\" FROM \"audit_records\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
    await queryRunner.query("ALTER TABLE \"temporary_audit_records\" RENAME TO \"audit_records\"");
    await queryRunner.query("CREATE INDEX \"IDX_587d9a17fcf8bab967cc4acd28\" ON \"audit_records\" (\"partnershipId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_587d9a17fcf8bab967cc4acd28\"");
    await queryRunner.query("ALTER TABLE \"audit_records\" RENAME TO \"temporary_audit_records\"");
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"action\" varchar(10) NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"clientOperationName\" varchar(200), \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"partnershipId\" varchar(36), \"reason\" varchar(500), \"channel\" varchar(10) NOT NULL, \"requestId\" varchar(64) NOT NULL, \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL, \"clientRequestId\" varchar(64), \"outcome\" varchar(10) NOT NULL DEFAULT ('ALLOWED'), \"operationType\" varchar(12), \"rootFields\" varchar(200), \"documentHash\" varchar(64))");
    await queryRunner.query("INSERT INTO \"audit_records\"(\"sequence\", \"occurredAt\", \"action\", \"subject\", \"organisationId\", \"organisationKind\", \"clientOperationName\", \"entityType\", \"entityId\", \"partnershipId\", \"reason\", \"channel\", \"requestId\", \"previousHash\", \"hash\", \"clientRequestId\", \"outcome\", \"operationType\", \"rootFields\", \"documentHash\") SELECT \"sequence\", \"occurredAt\", \"action\", \"subject\", \"organisationId\", \"organisationKind\", \"clientOperationName\", \"entityType\", \"entityId\", \"partnershipId\", \"reason\", \"channel\", \"requestId\", \"previousHash\", \"hash\", \"clientRequestId\", \"outcome\", \"operationType\", \"rootFields\", \"documentHash\" FROM \"temporary_audit_records\"");
    await queryRunner.query("DROP TABLE \"temporary_audit_records\"");
    await queryRunner.query("CREATE INDEX \"IDX_587d9a17fcf8bab967cc4acd28\" ON \"audit_records\" (\"partnershipId\") ");
  }
}
