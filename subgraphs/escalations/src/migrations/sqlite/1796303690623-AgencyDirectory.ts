import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgencyDirectory1796303690623 implements MigrationInterface {
  name = 'AgencyDirectory1796303690623';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"agency_directory\" (\"agencyId\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(32) NOT NULL, \"status\" varchar(16) NOT NULL, \"closedOn\" varchar(10), \"sequence\" integer NOT NULL)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"agency_directory\"");
  }
}
