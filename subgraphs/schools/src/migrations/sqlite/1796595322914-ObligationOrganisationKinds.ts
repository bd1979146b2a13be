import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ObligationOrganisationKinds1796595322914 implements MigrationInterface {
  name = 'ObligationOrganisationKinds1796595322914';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_about\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_status_due\"");
    await queryRunner.query("CREATE TABLE \"temporary_obligation\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(40) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"audience\" text NOT NULL, \"openedAt\" varchar(30) NOT NULL, \"updatedAt\" varchar(30) NOT NULL, \"ownerOrganisationKind\" varchar(8), \"owedToKind\" varchar(8))");
    await queryRunner.query("INSERT INTO \"temporary_obligation\"(\"id\", \"kind\", \"entityType\", \"entityId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"audience\", \"openedAt\", \"updatedAt\") SELECT \"id\", \"kind\", \"entityType\", \"entityId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"audience\", \"openedAt\", \"updatedAt\" FROM \"obligation\"");
    await queryRunner.query("DROP TABLE \"obligation\"");
    await queryRunner.query("ALTER TABLE \"temporary_obligation\" RENAME TO \"obligation\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_obligation_about\" ON \"obligation\" (\"kind\", \"entityType\", \"entityId\", \"occurrence\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_status_due\" ON \"obligation\" (\"status\", \"due\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_status_due\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_about\"");
    await queryRunner.query("ALTER TABLE \"obligation\" RENAME TO \"temporary_obligation\"");
    await queryRunner.query("CREATE TABLE \"obligation\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(40) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"audience\" text NOT NULL, \"openedAt\" varchar(30) NOT NULL, \"updatedAt\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"obligation\"(\"id\", \"kind\", \"entityType\", \"entityId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"audience\", \"openedAt\", \"updatedAt\") SELECT \"id\", \"kind\", \"entityType\", \"entityId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"audience\", \"openedAt\", \"updatedAt\" FROM \"temporary_obligation\"");
    await queryRunner.query("DROP TABLE \"temporary_obligation\"");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_status_due\" ON \"obligation\" (\"status\", \"due\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_obligation_about\" ON \"obligation\" (\"kind\", \"entityType\", \"entityId\", \"occurrence\") ");
  }
}
