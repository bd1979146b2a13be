import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ObligationOrganisationKinds1796595335502 implements MigrationInterface {
  name = 'ObligationOrganisationKinds1796595335502';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_about\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_status_due\"");
    await queryRunner.query("CREATE TABLE \"temporary_obligation\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(40) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"audience\" text NOT NULL, \"openedAt\" varchar(30) NOT NULL, \"updatedAt\" varchar(30) NOT NULL, \"ownerOrganisationKind\" varchar(8), \"owedToKind\" varchar(8))");
    await queryRunner.query("INSERT INTO \"temporary_obligation\"(\"id\", \"kind\", \"entityType\", \"entityId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"audience\", \"openedAt\", \"updatedAt\") SELECT \"id\", \"kind\", \"entityType\", \"entityId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"audience\", \"openedAt\", \"updatedAt\" FROM \"obligation\"");
    await queryRunner.query("DROP TABLE \"obligation\"");
    await queryRunner.query("ALTER TABLE \"temporary_obligation\" RENAME TO \"obligation\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_obligation_about\" ON \"obligation\" (\"kind\", \"entityType\", \"entityId\", \"occurrence\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_status_due\" ON \"obligation\" (\"status\", \"due\") ");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_organisation\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_partnership\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_status_due\"");
    await queryRunner.query("CREATE TABLE \"temporary_obligation_index\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"source\" varchar(30) NOT NULL, \"kind\" varchar(40) NOT NULL, \"aboutType\" varchar(60) NOT NULL, \"aboutId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"sequence\" integer NOT NULL, \"changedAt\" varchar(30) NOT NULL, \"ownerOrganisationAdmitted\" boolean NOT NULL DEFAULT (0), \"ownerPartnershipAdmitted\" boolean NOT NULL DEFAULT (0), \"ownerOrganisationKind\" varchar(8), \"owedToKind\" varchar(8))");
    await queryRunner.query("INSERT INTO \"temporary_obligation_index\"(\"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\", \"ownerOrganisationAdmitted\", \"ownerPartnershipAdmitted\") SELECT \"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\", \"ownerOrganisationAdmitted\", \"ownerPartnershipAdmitted\" FROM \"obligation_index\"");
    await queryRunner.query("DROP TABLE \"obligation_index\"");
    await queryRunner.query("ALTER TABLE \"temporary_obligation_index\" RENAME TO \"obligation_index\"");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_organisation\" ON \"obligation_index\" (\"ownerOrganisationId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_partnership\" ON \"obligation_index\" (\"ownerPartnershipId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_status_due\" ON \"obligation_index\" (\"status\", \"due\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_status_due\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_partnership\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_organisation\"");
    await queryRunner.query("ALTER TABLE \"obligation_index\" RENAME TO \"temporary_obligation_index\"");
    await queryRunner.query("CREATE TABLE \"obligation_index\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"source\" varchar(30) NOT NULL, \"kind\" varchar(40) NOT NULL, \"aboutType\" varchar(60) NOT NULL, \"aboutId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"sequence\" integer NOT NULL, \"changedAt\" varchar(30) NOT NULL, \"ownerOrganisationAdmitted\" boolean NOT NULL DEFAULT (0), \"ownerPartnershipAdmitted\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"obligation_index\"(\"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\", \"ownerOrganisationAdmitted\", \"ownerPartnershipAdmitted\") SELECT \"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\", \"ownerOrganisationAdmitted\", \"ownerPartnershipAdmitted\" FROM \"temporary_obligation_index\"");
    await queryRunner.query("DROP TABLE \"temporary_obligation_index\"");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_status_due\" ON \"obligation_index\" (\"status\", \"due\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_partnership\" ON \"obligation_index\" (\"ownerPartnershipId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_organisation\" ON \"obligation_index\" (\"ownerOrganisationId\", \"status\", \"due\") ");
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
