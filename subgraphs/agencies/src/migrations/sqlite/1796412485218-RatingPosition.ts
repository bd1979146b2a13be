import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingPosition1796412485218 implements MigrationInterface {
  name = 'RatingPosition1796412485218';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e9b7b1390becd311fe325564e8\"");
    await queryRunner.query("DROP INDEX \"IDX_c03edce3225bc72f35e36d8618\"");
    await queryRunner.query("DROP INDEX \"IDX_ba8a8c59272b9d3e47a4ce0ebf\"");
    await queryRunner.query("CREATE TABLE \"temporary_section11_ratings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"returnId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"standardTitle\" varchar(200) NOT NULL, \"rating\" varchar(5) NOT NULL, \"evidence\" text NOT NULL, \"position\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"temporary_section11_ratings\"(\"id\", \"returnId\", \"partnershipId\", \"agencyId\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\") SELECT \"id\", \"returnId\", \"partnershipId\", \"agencyId\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\" FROM \"section11_ratings\"");
    await queryRunner.query("DROP TABLE \"section11_ratings\"");
    await queryRunner.query("ALTER TABLE \"temporary_section11_ratings\" RENAME TO \"section11_ratings\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e9b7b1390becd311fe325564e8\" ON \"section11_ratings\" (\"returnId\", \"standardKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c03edce3225bc72f35e36d8618\" ON \"section11_ratings\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_ba8a8c59272b9d3e47a4ce0ebf\" ON \"section11_ratings\" (\"returnId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_ba8a8c59272b9d3e47a4ce0ebf\"");
    await queryRunner.query("DROP INDEX \"IDX_c03edce3225bc72f35e36d8618\"");
    await queryRunner.query("DROP INDEX \"IDX_e9b7b1390becd311fe325564e8\"");
    await queryRunner.query("ALTER TABLE \"section11_ratings\" RENAME TO \"temporary_section11_ratings\"");
    await queryRunner.query("CREATE TABLE \"section11_ratings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"returnId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"standardTitle\" varchar(200) NOT NULL, \"rating\" varchar(5) NOT NULL, \"evidence\" text NOT NULL)");
    await queryRunner.query("INSERT INTO \"section11_ratings\"(\"id\", \"returnId\", \"partnershipId\", \"agencyId\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\") SELECT \"id\", \"returnId\", \"partnershipId\", \"agencyId\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\" FROM \"temporary_section11_ratings\"");
    await queryRunner.query("DROP TABLE \"temporary_section11_ratings\"");
    await queryRunner.query("CREATE INDEX \"IDX_ba8a8c59272b9d3e47a4ce0ebf\" ON \"section11_ratings\" (\"returnId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c03edce3225bc72f35e36d8618\" ON \"section11_ratings\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e9b7b1390becd311fe325564e8\" ON \"section11_ratings\" (\"returnId\", \"standardKey\") ");
  }
}
