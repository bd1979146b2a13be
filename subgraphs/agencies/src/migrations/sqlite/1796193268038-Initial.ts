import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796193268038 implements MigrationInterface {
  name = 'Initial1796193268038';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_records\" (\"sequence\" integer PRIMARY KEY NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"action\" varchar(10) NOT NULL, \"subject\" varchar(200) NOT NULL, \"organisationId\" varchar(64) NOT NULL, \"organisationKind\" varchar(32) NOT NULL, \"operationName\" varchar(200), \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"partnershipId\" varchar(36), \"reason\" varchar(500), \"channel\" varchar(10) NOT NULL, \"requestId\" varchar(64) NOT NULL, \"previousHash\" varchar(64) NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_587d9a17fcf8bab967cc4acd28\" ON \"audit_records\" (\"partnershipId\") ");
    await queryRunner.query("CREATE TABLE \"audit_chain_head\" (\"id\" integer PRIMARY KEY NOT NULL, \"sequence\" integer NOT NULL, \"hash\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE TABLE \"agencies\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"kind\" varchar(24) NOT NULL, \"scheduleCategory\" varchar(32), \"gssCode\" varchar(9), \"dfeCode\" varchar(3), \"odsCode\" varchar(5), \"scheduleEntry\" varchar(48), \"sector\" varchar(24), \"companiesHouseNumber\" varchar(8), \"charityNumber\" varchar(8), \"ofstedUrn\" varchar(8), \"status\" varchar(8) NOT NULL DEFAULT ('ACTIVE'), \"openedOn\" date, \"closedOn\" date)");
    await queryRunner.query("CREATE INDEX \"IDX_cb8c199af6ce39b3c321a86e0a\" ON \"agencies\" (\"kind\") ");
    await queryRunner.query("CREATE INDEX \"IDX_537fc4cab6c22a736ef8682309\" ON \"agencies\" (\"gssCode\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_486194f2e0b03c5fc87419eef6\" ON \"agencies\" (\"odsCode\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_600c71d098c0f994ba6d914e45\" ON \"agencies\" (\"companiesHouseNumber\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_0fa0315c618c183c6de4323b97\" ON \"agencies\" (\"charityNumber\") ");
    await queryRunner.query("CREATE TABLE \"agency_contacts\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"role\" varchar(40) NOT NULL, \"name\" varchar(200), \"telephone\" varchar(30) NOT NULL, \"email\" varchar(254), \"hours\" varchar(200), \"updatedOn\" date NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e5f0070fb9fd000f8d27c6a211\" ON \"agency_contacts\" (\"agencyId\", \"role\") ");
    await queryRunner.query("CREATE TABLE \"designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date, \"reason\" varchar(500) NOT NULL, \"endReason\" varchar(500))");
    await queryRunner.query("CREATE INDEX \"IDX_1ef2a93c3c1f2bf23a62657bc2\" ON \"designations\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2f2f50364073b0b87c785e405b\" ON \"designations\" (\"agencyId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_31e3e6483d6a3ae8e04d39e96f\" ON \"designations\" (\"partnershipId\", \"agencyId\", \"designatedFrom\") ");
    await queryRunner.query("CREATE TABLE \"section11_returns\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"financialYear\" varchar(7) NOT NULL, \"submittedOn\" date NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_f5410f3af76cbff0d7d94176ce\" ON \"section11_returns\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_22c9a98fb887c447954c323cd4\" ON \"section11_returns\" (\"agencyId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c7393fcc5041b4d37e380224d4\" ON \"section11_returns\" (\"partnershipId\", \"agencyId\", \"financialYear\") ");
    await queryRunner.query("CREATE TABLE \"section11_ratings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"returnId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"standardTitle\" varchar(200) NOT NULL, \"rating\" varchar(5) NOT NULL, \"evidence\" text NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_ba8a8c59272b9d3e47a4ce0ebf\" ON \"section11_ratings\" (\"returnId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c03edce3225bc72f35e36d8618\" ON \"section11_ratings\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e9b7b1390becd311fe325564e8\" ON \"section11_ratings\" (\"returnId\", \"standardKey\") ");
    await queryRunner.query("CREATE TABLE \"section11_actions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ratingId\" varchar(36) NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"financialYear\" varchar(7) NOT NULL, \"standardKey\" varchar(40) NOT NULL, \"description\" varchar(1000) NOT NULL, \"owner\" varchar(200) NOT NULL, \"dueOn\" date NOT NULL, \"completedOn\" date)");
    await queryRunner.query("CREATE INDEX \"IDX_90140f0548ee9d139919ebe028\" ON \"section11_actions\" (\"ratingId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a90e8707a03e81d2384ede10c4\" ON \"section11_actions\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_36d021dc9edd2477bfa419ae75\" ON \"section11_actions\" (\"agencyId\") ");
    await queryRunner.query("CREATE TABLE \"section11_standards\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"position\" integer NOT NULL, \"key\" varchar(40) NOT NULL, \"title\" varchar(200) NOT NULL, \"description\" varchar(1000) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_fa596a1eb69c2f94fbb70df23d\" ON \"section11_standards\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_9882560d2782ed8e0f60a126b8\" ON \"section11_standards\" (\"partnershipId\", \"key\") ");
    await queryRunner.query("DROP INDEX \"IDX_1ef2a93c3c1f2bf23a62657bc2\"");
    await queryRunner.query("DROP INDEX \"IDX_2f2f50364073b0b87c785e405b\"");
    await queryRunner.query("DROP INDEX \"IDX_31e3e6483d6a3ae8e04d39e96f\"");
    await queryRunner.query("CREATE TABLE \"temporary_designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date, \"reason\" varchar(500) NOT NULL, \"endReason\" varchar(500), CONSTRAINT \"FK_2f2f50364073b0b87c785e405b9\" FOREIGN KEY (\"agencyId\") REFERENCES \"agencies\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_designations\"(\"id\", \"partnershipId\", \"agencyId\", \"designatedFrom\", \"designatedUntil\", \"reason\", \"endReason\") SELECT \"id\", \"partnershipId\", \"agencyId\", \"designatedFrom\", \"designatedUntil\", \"reason\", \"endReason\" FROM \"designations\"");
    await queryRunner.query("DROP TABLE \"designations\"");
    await queryRunner.query("ALTER TABLE \"temporary_designations\" RENAME TO \"designations\"");
    await queryRunner.query("CREATE INDEX \"IDX_1ef2a93c3c1f2bf23a62657bc2\" ON \"designations\" (\"partnershipId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2f2f50364073b0b87c785e405b\" ON \"designations\" (\"agencyId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_31e3e6483d6a3ae8e04d39e96f\" ON \"designations\" (\"partnershipId\", \"agencyId\", \"designatedFrom\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_31e3e6483d6a3ae8e04d39e96f\"");
    await queryRunner.query("DROP INDEX \"IDX_2f2f50364073b0b87c785e405b\"");
    await queryRunner.query("DROP INDEX \"IDX_1ef2a93c3c1f2bf23a62657bc2\"");
    await queryRunner.query("ALTER TABLE \"designations\" RENAME TO \"temporary_designations\"");
    await queryRunner.query("CREATE TABLE \"designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"agencyId\" varchar(36) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date, \"reason\" varchar(500) NOT NULL, \"endReason\" varchar(500))");
    await queryRunner.query("INSERT INTO \"designations\"(\"id\", \"partnershipId\", \"agencyId\", \"designatedFrom\", \"designatedUntil\", \"reason\", \"endReason\") SELECT \"id\", \"partnershipId\", \"agencyId\", \"designatedFrom\", \"designatedUntil\", \"reason\", \"endReason\" FROM \"temporary_designations\"");
    await queryRunner.query("DROP TABLE \"temporary_designations\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_31e3e6483d6a3ae8e04d39e96f\" ON \"designations\" (\"partnershipId\", \"agencyId\", \"designatedFrom\") ");
    await queryRunner.query("CREATE INDEX \"IDX_2f2f50364073b0b87c785e405b\" ON \"designations\" (\"agencyId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_1ef2a93c3c1f2bf23a62657bc2\" ON \"designations\" (\"partnershipId\") ");
    await queryRunner.query("DROP INDEX \"IDX_9882560d2782ed8e0f60a126b8\"");
    await queryRunner.query("DROP INDEX \"IDX_fa596a1eb69c2f94fbb70df23d\"");
    await queryRunner.query("DROP TABLE \"section11_standards\"");
    await queryRunner.query("DROP INDEX \"IDX_36d021dc9edd2477bfa419ae75\"");
    await queryRunner.query("DROP INDEX \"IDX_a90e8707a03e81d2384ede10c4\"");
    await queryRunner.query("DROP INDEX \"IDX_90140f0548ee9d139919ebe028\"");
    await queryRunner.query("DROP TABLE \"section11_actions\"");
    await queryRunner.query("DROP INDEX \"IDX_e9b7b1390becd311fe325564e8\"");
    await queryRunner.query("DROP INDEX \"IDX_c03edce3225bc72f35e36d8618\"");
    await queryRunner.query("DROP INDEX \"IDX_ba8a8c59272b9d3e47a4ce0ebf\"");
    await queryRunner.query("DROP TABLE \"section11_ratings\"");
    await queryRunner.query("DROP INDEX \"IDX_c7393fcc5041b4d37e380224d4\"");
    await queryRunner.query("DROP INDEX \"IDX_22c9a98fb887c447954c323cd4\"");
    await queryRunner.query("DROP INDEX \"IDX_f5410f3af76cbff0d7d94176ce\"");
    await queryRunner.query("DROP TABLE \"section11_returns\"");
    await queryRunner.query("DROP INDEX \"IDX_31e3e6483d6a3ae8e04d39e96f\"");
    await queryRunner.query("DROP INDEX \"IDX_2f2f50364073b0b87c785e405b\"");
    await queryRunner.query("DROP INDEX \"IDX_1ef2a93c3c1f2bf23a62657bc2\"");
    await queryRunner.query("DROP TABLE \"designations\"");
    await queryRunner.query("DROP INDEX \"IDX_e5f0070fb9fd000f8d27c6a211\"");
    await queryRunner.query("DROP TABLE \"agency_contacts\"");
    await queryRunner.query("DROP INDEX \"IDX_0fa0315c618c183c6de4323b97\"");
    await queryRunner.query("DROP INDEX \"IDX_600c71d098c0f994ba6d914e45\"");
    await queryRunner.query("DROP INDEX \"IDX_486194f2e0b03c5fc87419eef6\"");
    await queryRunner.query("DROP INDEX \"IDX_537fc4cab6c22a736ef8682309\"");
    await queryRunner.query("DROP INDEX \"IDX_cb8c199af6ce39b3c321a86e0a\"");
    await queryRunner.query("DROP TABLE \"agencies\"");
    await queryRunner.query("DROP TABLE \"audit_chain_head\"");
    await queryRunner.query("DROP INDEX \"IDX_587d9a17fcf8bab967cc4acd28\"");
    await queryRunner.query("DROP TABLE \"audit_records\"");
  }
}
