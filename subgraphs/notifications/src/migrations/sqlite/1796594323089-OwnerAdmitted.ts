import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerAdmitted1796594323089 implements MigrationInterface {
  name = 'OwnerAdmitted1796594323089';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_webhook_delivery_message\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_status_due\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_partnership\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_organisation\"");
    await queryRunner.query("CREATE TABLE \"temporary_obligation_index\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"source\" varchar(30) NOT NULL, \"kind\" varchar(40) NOT NULL, \"aboutType\" varchar(60) NOT NULL, \"aboutId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"sequence\" integer NOT NULL, \"changedAt\" varchar(30) NOT NULL, \"ownerOrganisationAdmitted\" boolean NOT NULL DEFAULT (0), \"ownerPartnershipAdmitted\" boolean NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"temporary_obligation_index\"(\"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\") SELECT \"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\" FROM \"obligation_index\"");
    await queryRunner.query("DROP TABLE \"obligation_index\"");
    await queryRunner.query("ALTER TABLE \"temporary_obligation_index\" RENAME TO \"obligation_index\"");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_status_due\" ON \"obligation_index\" (\"status\", \"due\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_partnership\" ON \"obligation_index\" (\"ownerPartnershipId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_organisation\" ON \"obligation_index\" (\"ownerOrganisationId\", \"status\", \"due\") ");
    // Rows indexed before the flags existed: decided once here from their audience rows, as the intake
    // now decides them when it applies an event.
    await queryRunner.query("UPDATE \"obligation_index\" SET \"ownerOrganisationAdmitted\" = EXISTS (SELECT 1 FROM \"obligation_audience\" a WHERE a.\"obligationId\" = \"obligation_index\".\"id\" AND a.\"clause\" = 'ORGANISATION' AND a.\"value\" = \"obligation_index\".\"ownerOrganisationId\"), \"ownerPartnershipAdmitted\" = EXISTS (SELECT 1 FROM \"obligation_audience\" a WHERE a.\"obligationId\" = \"obligation_index\".\"id\" AND a.\"clause\" = 'PARTNERSHIP' AND a.\"value\" = \"obligation_index\".\"ownerPartnershipId\")");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_organisation\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_partnership\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_index_status_due\"");
    await queryRunner.query("ALTER TABLE \"obligation_index\" RENAME TO \"temporary_obligation_index\"");
    await queryRunner.query("CREATE TABLE \"obligation_index\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"source\" varchar(30) NOT NULL, \"kind\" varchar(40) NOT NULL, \"aboutType\" varchar(60) NOT NULL, \"aboutId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"sequence\" integer NOT NULL, \"changedAt\" varchar(30) NOT NULL)");
    await queryRunner.query("INSERT INTO \"obligation_index\"(\"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\") SELECT \"id\", \"source\", \"kind\", \"aboutType\", \"aboutId\", \"occurrence\", \"ownerOrganisationId\", \"ownerPartnershipId\", \"owedTo\", \"due\", \"rule\", \"basis\", \"provisional\", \"status\", \"metOn\", \"sequence\", \"changedAt\" FROM \"temporary_obligation_index\"");
    await queryRunner.query("DROP TABLE \"temporary_obligation_index\"");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_organisation\" ON \"obligation_index\" (\"ownerOrganisationId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_partnership\" ON \"obligation_index\" (\"ownerPartnershipId\", \"status\", \"due\") ");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_index_status_due\" ON \"obligation_index\" (\"status\", \"due\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_webhook_delivery_message\" ON \"webhook_delivery\" (\"endpointId\", \"messageKey\") ");
  }
}
