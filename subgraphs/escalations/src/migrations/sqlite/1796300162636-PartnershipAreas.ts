import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnershipAreas1796300162636 implements MigrationInterface {
  name = 'PartnershipAreas1796300162636';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"partnership_areas\" (\"partnershipId\" varchar(36) NOT NULL, \"localAuthorityGssCode\" varchar(9) NOT NULL, \"status\" varchar(16) NOT NULL, \"sequence\" integer NOT NULL, PRIMARY KEY (\"partnershipId\", \"localAuthorityGssCode\"))");
    await queryRunner.query("CREATE INDEX \"IDX_5b246d0c0599544c63766d6a00\" ON \"partnership_areas\" (\"localAuthorityGssCode\") ");
    await queryRunner.query("CREATE TABLE \"partnership_footprints\" (\"partnershipId\" varchar(36) PRIMARY KEY NOT NULL, \"sequence\" integer NOT NULL)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"partnership_footprints\"");
    await queryRunner.query("DROP INDEX \"IDX_5b246d0c0599544c63766d6a00\"");
    await queryRunner.query("DROP TABLE \"partnership_areas\"");
  }
}
