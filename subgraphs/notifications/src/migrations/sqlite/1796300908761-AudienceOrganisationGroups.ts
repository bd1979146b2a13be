import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AudienceOrganisationGroups1796300908761 implements MigrationInterface {
  name = 'AudienceOrganisationGroups1796300908761';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_audience_value\"");
    await queryRunner.query("CREATE TABLE \"temporary_obligation_audience\" (\"obligationId\" varchar(36) NOT NULL, \"clause\" varchar(20) NOT NULL, \"value\" varchar(64) NOT NULL, \"groupIndex\" integer NOT NULL DEFAULT (0), PRIMARY KEY (\"obligationId\", \"clause\", \"value\", \"groupIndex\"))");
    await queryRunner.query("INSERT INTO \"temporary_obligation_audience\"(\"obligationId\", \"clause\", \"value\") SELECT \"obligationId\", \"clause\", \"value\" FROM \"obligation_audience\"");
    await queryRunner.query("DROP TABLE \"obligation_audience\"");
    await queryRunner.query("ALTER TABLE \"temporary_obligation_audience\" RENAME TO \"obligation_audience\"");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_audience_value\" ON \"obligation_audience\" (\"clause\", \"value\", \"obligationId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_obligation_audience_value\"");
    await queryRunner.query("ALTER TABLE \"obligation_audience\" RENAME TO \"temporary_obligation_audience\"");
    await queryRunner.query("CREATE TABLE \"obligation_audience\" (\"obligationId\" varchar(36) NOT NULL, \"clause\" varchar(20) NOT NULL, \"value\" varchar(64) NOT NULL, PRIMARY KEY (\"obligationId\", \"clause\", \"value\"))");
    await queryRunner.query("INSERT INTO \"obligation_audience\"(\"obligationId\", \"clause\", \"value\") SELECT \"obligationId\", \"clause\", \"value\" FROM \"temporary_obligation_audience\"");
    await queryRunner.query("DROP TABLE \"temporary_obligation_audience\"");
    await queryRunner.query("CREATE INDEX \"IDX_obligation_audience_value\" ON \"obligation_audience\" (\"clause\", \"value\", \"obligationId\") ");
  }
}
