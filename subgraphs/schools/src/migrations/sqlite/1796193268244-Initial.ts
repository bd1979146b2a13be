import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796193268244 implements MigrationInterface {
  name = 'Initial1796193268244';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"action\" varchar(10) NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"operationName\" varchar(200), \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"partnershipId\" varchar(36), \"reason\" varchar(500), \"channel\" varchar(10) NOT NULL, \"requestId\" varchar(64) NOT NULL, \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_587d9a17fcf8bab967cc4acd28\" ON \"audit_records\" (\"partnershipId\") ");
    await queryRunner.query("CREATE TABLE \"audit_chain_head\" (\"id\" integer PRIMARY KEY NOT NULL, \"sequence\" integer NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"schools\" (\"urn\" varchar(6) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"laestab\" varchar(7) NOT NULL, \"localAuthorityDfeCode\" varchar(3) NOT NULL, \"phase\" varchar(24) NOT NULL, \"status\" varchar(24) NOT NULL, \"ukprn\" varchar(8), \"establishmentType\" varchar(100), \"establishmentTypeGroup\" varchar(100), \"trustUid\" varchar(10), \"postcode\" varchar(10))");
    await queryRunner.query("CREATE INDEX \"IDX_4a78852538fa5586e7c4799a40\" ON \"schools\" (\"localAuthorityDfeCode\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e7346e6a288cc3186591028342\" ON \"schools\" (\"trustUid\") ");
    await queryRunner.query("CREATE TABLE \"school_safeguarding_leads\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"urn\" varchar(6) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(40) NOT NULL, \"jobTitle\" varchar(200), \"email\" varchar(254), \"phone\" varchar(30), \"lastTrainedOn\" date)");
    await queryRunner.query("CREATE INDEX \"IDX_34e2050f228310eac04c53b15e\" ON \"school_safeguarding_leads\" (\"urn\") ");
    await queryRunner.query("CREATE TABLE \"school_designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date)");
    await queryRunner.query("CREATE INDEX \"IDX_64e023aba353a6b43c5f8eba9b\" ON \"school_designations\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\" ON \"school_designations\" (\"partnershipId\", \"urn\") ");
    await queryRunner.query("CREATE TABLE \"school_closure_days\" (\"urn\" varchar(6) NOT NULL, \"date\" date NOT NULL, \"reason\" varchar(200) NOT NULL, PRIMARY KEY (\"urn\", \"date\"))");
    await queryRunner.query("CREATE TABLE \"education_representatives\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"level\" varchar(20) NOT NULL, \"forum\" varchar(200) NOT NULL, \"name\" varchar(200) NOT NULL, \"role\" varchar(200) NOT NULL, \"represents\" varchar(200) NOT NULL, \"urn\" varchar(6))");
    await queryRunner.query("CREATE INDEX \"IDX_9e7ac296d727397600283ba4bb\" ON \"education_representatives\" (\"partnershipId\") ");
    await queryRunner.query("CREATE TABLE \"trusts\" (\"uid\" varchar(10) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"companiesHouseNumber\" varchar(8))");
    await queryRunner.query("CREATE TABLE \"child_protection_file_transfers\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sendingUrn\" varchar(6) NOT NULL, \"receivingUrn\" varchar(6) NOT NULL, \"sendingLaDfeCode\" varchar(3) NOT NULL, \"receivingLaDfeCode\" varchar(3) NOT NULL, \"childReference\" varchar(40) NOT NULL, \"leftOn\" date NOT NULL, \"state\" varchar(20) NOT NULL, \"sentOn\" date, \"receivedOn\" date, \"recordedBy\" varchar(200) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_b21c84ae4425e4c00599b2803e\" ON \"child_protection_file_transfers\" (\"sendingUrn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_21c702aa85cb01e8122bf01454\" ON \"child_protection_file_transfers\" (\"receivingUrn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e8904dab56af03612289ad5ec1\" ON \"child_protection_file_transfers\" (\"sendingLaDfeCode\") ");
    await queryRunner.query("CREATE INDEX \"IDX_edc3cff4ab16bb19268342c427\" ON \"child_protection_file_transfers\" (\"receivingLaDfeCode\") ");
    await queryRunner.query("CREATE TABLE \"school_safeguarding_standards\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"position\" integer NOT NULL, \"key\" varchar(40) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(1000) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_d9b5d9f0e8fd241b0d9f360bf4\" ON \"school_safeguarding_standards\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_fa55abe47c4c7ea4fe079162a3\" ON \"school_safeguarding_standards\" (\"partnershipId\", \"key\") ");
    await queryRunner.query("CREATE TABLE \"school_safeguarding_returns\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"financialYear\" varchar(7) NOT NULL, \"submittedOn\" date NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_9616ddb29fd23dd8d1e029bdea\" ON \"school_safeguarding_returns\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_9ebc9166cb8eaea55ea999d25c\" ON \"school_safeguarding_returns\" (\"urn\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5532d9da1e0ab811e224781b4d\" ON \"school_safeguarding_returns\" (\"partnershipId\", \"urn\", \"financialYear\") ");
    await queryRunner.query("CREATE TABLE \"school_safeguarding_ratings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"returnId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"standardTitle\" varchar(200) NOT NULL, \"rating\" varchar(5) NOT NULL, \"evidence\" text NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_9571c204f26975dcf7bd8c2a74\" ON \"school_safeguarding_ratings\" (\"returnId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_5a76249a14251a5ad6f04f3333\" ON \"school_safeguarding_ratings\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_64ed4471690d1371d457f76233\" ON \"school_safeguarding_ratings\" (\"returnId\", \"standardKey\") ");
    await queryRunner.query("CREATE TABLE \"school_safeguarding_actions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ratingId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"financialYear\" varchar(7) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"description\" varchar(1000) NOT NULL, \"owner\" varchar(200) NOT NULL, \"dueOn\" date NOT NULL, \"completedOn\" date)");
    await queryRunner.query("CREATE INDEX \"IDX_087bd2adc17623e5af2100cde0\" ON \"school_safeguarding_actions\" (\"ratingId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a7adb95009e574156a246cf2ed\" ON \"school_safeguarding_actions\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a6f08f0b7eee0a71b7c17a1210\" ON \"school_safeguarding_actions\" (\"urn\") ");
    await queryRunner.query("DROP INDEX \"IDX_64e023aba353a6b43c5f8eba9b\"");
    await queryRunner.query("DROP INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\"");
    await queryRunner.query("CREATE TABLE \"temporary_school_designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date, CONSTRAINT \"FK_795453e2f068da785665fb2ae77\" FOREIGN KEY (\"urn\") REFERENCES \"schools\" (\"urn\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_school_designations\"(\"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\") SELECT \"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\" FROM \"school_designations\"");
    await queryRunner.query("DROP TABLE \"school_designations\"");
    await queryRunner.query("ALTER TABLE \"temporary_school_designations\" RENAME TO \"school_designations\"");
    await queryRunner.query("CREATE INDEX \"IDX_64e023aba353a6b43c5f8eba9b\" ON \"school_designations\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\" ON \"school_designations\" (\"partnershipId\", \"urn\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\"");
    await queryRunner.query("DROP INDEX \"IDX_64e023aba353a6b43c5f8eba9b\"");
    await queryRunner.query("ALTER TABLE \"school_designations\" RENAME TO \"temporary_school_designations\"");
    await queryRunner.query("CREATE TABLE \"school_designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date)");
    await queryRunner.query("INSERT INTO \"school_designations\"(\"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\") SELECT \"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\" FROM \"temporary_school_designations\"");
    await queryRunner.query("DROP TABLE \"temporary_school_designations\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\" ON \"school_designations\" (\"partnershipId\", \"urn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_64e023aba353a6b43c5f8eba9b\" ON \"school_designations\" (\"partnershipId\") ");
    await queryRunner.query("DROP INDEX \"IDX_a6f08f0b7eee0a71b7c17a1210\"");
    await queryRunner.query("DROP INDEX \"IDX_a7adb95009e574156a246cf2ed\"");
    await queryRunner.query("DROP INDEX \"IDX_087bd2adc17623e5af2100cde0\"");
    await queryRunner.query("DROP TABLE \"school_safeguarding_actions\"");
    await queryRunner.query("DROP INDEX \"IDX_64ed4471690d1371d457f76233\"");
    await queryRunner.query("DROP INDEX \"IDX_5a76249a14251a5ad6f04f3333\"");
    await queryRunner.query("DROP INDEX \"IDX_9571c204f26975dcf7bd8c2a74\"");
    await queryRunner.query("DROP TABLE \"school_safeguarding_ratings\"");
    await queryRunner.query("DROP INDEX \"IDX_5532d9da1e0ab811e224781b4d\"");
    await queryRunner.query("DROP INDEX \"IDX_9ebc9166cb8eaea55ea999d25c\"");
    await queryRunner.query("DROP INDEX \"IDX_9616ddb29fd23dd8d1e029bdea\"");
    await queryRunner.query("DROP TABLE \"school_safeguarding_returns\"");
    await queryRunner.query("DROP INDEX \"IDX_fa55abe47c4c7ea4fe079162a3\"");
    await queryRunner.query("DROP INDEX \"IDX_d9b5d9f0e8fd241b0d9f360bf4\"");
    await queryRunner.query("DROP TABLE \"school_safeguarding_standards\"");
    await queryRunner.query("DROP INDEX \"IDX_edc3cff4ab16bb19268342c427\"");
    await queryRunner.query("DROP INDEX \"IDX_e8904dab56af03612289ad5ec1\"");
    await queryRunner.query("DROP INDEX \"IDX_21c702aa85cb01e8122bf01454\"");
    await queryRunner.query("DROP INDEX \"IDX_b21c84ae4425e4c00599b2803e\"");
    await queryRunner.query("DROP TABLE \"child_protection_file_transfers\"");
    await queryRunner.query("DROP TABLE \"trusts\"");
    await queryRunner.query("DROP INDEX \"IDX_9e7ac296d727397600283ba4bb\"");
    await queryRunner.query("DROP TABLE \"education_representatives\"");
    await queryRunner.query("DROP TABLE \"school_closure_days\"");
    await queryRunner.query("DROP INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\"");
    await queryRunner.query("DROP INDEX \"IDX_64e023aba353a6b43c5f8eba9b\"");
    await queryRunner.query("DROP TABLE \"school_designations\"");
    await queryRunner.query("DROP INDEX \"IDX_34e2050f228310eac04c53b15e\"");
    await queryRunner.query("DROP TABLE \"school_safeguarding_leads\"");
    await queryRunner.query("DROP INDEX \"IDX_e7346e6a288cc3186591028342\"");
    await queryRunner.query("DROP INDEX \"IDX_4a78852538fa5586e7c4799a40\"");
    await queryRunner.query("DROP TABLE \"schools\"");
    await queryRunner.query("DROP TABLE \"audit_chain_head\"");
    await queryRunner.query("DROP INDEX \"IDX_587d9a17fcf8bab967cc4acd28\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
  }
}
