import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Obligations1796232391862 implements MigrationInterface {
  name = 'Obligations1796232391862';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"obligation\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(40) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"occurrence\" varchar(40) NOT NULL DEFAULT (''), \"ownerOrganisationId\" varchar(64), \"ownerPartnershipId\" varchar(36), \"owedTo\" varchar(64) NOT NULL, \"due\" varchar(10) NOT NULL, \"rule\" varchar(300) NOT NULL, \"basis\" varchar(300) NOT NULL, \"provisional\" boolean NOT NULL, \"status\" varchar(12) NOT NULL, \"metOn\" varchar(10), \"audience\" text NOT NULL, \"openedAt\" varchar(30) NOT NULL, \"updatedAt\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_status_due\" ON \"obligation\" (\"status\", \"due\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_obligation_about\" ON \"obligation\" (\"kind\", \"entityType\", \"entityId\", \"occurrence\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_about\"");
    await queryRunner.query("DROP INDEX \"IDX_obligation_status_due\"");
    await queryRunner.query("DROP TABLE \"obligation\"");
  }
}
