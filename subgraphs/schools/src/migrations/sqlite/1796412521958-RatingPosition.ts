import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingPosition1796412521958 implements MigrationInterface {
  name = 'RatingPosition1796412521958';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_64ed4471690d1371d457f76233\"");
    await queryRunner.query("DROP INDEX \"IDX_5a76249a14251a5ad6f04f3333\"");
    await queryRunner.query("DROP INDEX \"IDX_9571c204f26975dcf7bd8c2a74\"");
    await queryRunner.query("CREATE TABLE \"temporary_school_safeguarding_ratings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"returnId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"standardTitle\" varchar(200) NOT NULL, \"rating\" varchar(5) NOT NULL, \"evidence\" text NOT NULL, \"position\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("INSERT INTO \"temporary_school_safeguarding_ratings\"(\"id\", \"returnId\", \"partnershipId\", \"urn\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\") SELECT \"id\", \"returnId\", \"partnershipId\", \"urn\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\" FROM \"school_safeguarding_ratings\"");
    await queryRunner.query("DROP TABLE \"school_safeguarding_ratings\"");
    await queryRunner.query("ALTER TABLE \"temporary_school_safeguarding_ratings\" RENAME TO \"school_safeguarding_ratings\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_64ed4471690d1371d457f76233\" ON \"school_safeguarding_ratings\" (\"returnId\", \"standardKey\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5a76249a14251a5ad6f04f3333\" ON \"school_safeguarding_ratings\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9571c204f26975dcf7bd8c2a74\" ON \"school_safeguarding_ratings\" (\"returnId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_9571c204f26975dcf7bd8c2a74\"");
    await queryRunner.query("DROP INDEX \"IDX_5a76249a14251a5ad6f04f3333\"");
    await queryRunner.query("DROP INDEX \"IDX_64ed4471690d1371d457f76233\"");
    await queryRunner.query("ALTER TABLE \"school_safeguarding_ratings\" RENAME TO \"temporary_school_safeguarding_ratings\"");
    await queryRunner.query("CREATE TABLE \"school_safeguarding_ratings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"returnId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"standardTitle\" varchar(200) NOT NULL, \"rating\" varchar(5) NOT NULL, \"evidence\" text NOT NULL)");
    await queryRunner.query("INSERT INTO \"school_safeguarding_ratings\"(\"id\", \"returnId\", \"partnershipId\", \"urn\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\") SELECT \"id\", \"returnId\", \"partnershipId\", \"urn\", \"standardKey\", \"standardTitle\", \"rating\", \"evidence\" FROM \"temporary_school_safeguarding_ratings\"");
    await queryRunner.query("DROP TABLE \"temporary_school_safeguarding_ratings\"");
    await queryRunner.query("CREATE INDEX \"IDX_9571c204f26975dcf7bd8c2a74\" ON \"school_safeguarding_ratings\" (\"returnId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5a76249a14251a5ad6f04f3333\" ON \"school_safeguarding_ratings\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_64ed4471690d1371d457f76233\" ON \"school_safeguarding_ratings\" (\"returnId\", \"standardKey\") ");
  }
}
