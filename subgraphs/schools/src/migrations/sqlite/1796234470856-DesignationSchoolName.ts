import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DesignationSchoolName1796234470856 implements MigrationInterface {
  name = 'DesignationSchoolName1796234470856';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\"");
    await queryRunner.query("DROP INDEX \"IDX_64e023aba353a6b43c5f8eba9b\"");
    await queryRunner.query("CREATE TABLE \"temporary_school_designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date, \"schoolName\" varchar(200) NOT NULL DEFAULT (''), CONSTRAINT \"FK_795453e2f068da785665fb2ae77\" FOREIGN KEY (\"urn\") REFERENCES \"schools\" (\"urn\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_school_designations\"(\"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\") SELECT \"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\" FROM \"school_designations\"");
    await queryRunner.query("DROP TABLE \"school_designations\"");
    await queryRunner.query("ALTER TABLE \"temporary_school_designations\" RENAME TO \"school_designations\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\" ON \"school_designations\" (\"partnershipId\", \"urn\") ");
    await queryRunner.query("CREATE INDEX \"IDX_64e023aba353a6b43c5f8eba9b\" ON \"school_designations\" (\"partnershipId\") ");
    // Existing designations take their school's name, so they keep their place in the list.
    await queryRunner.query(`UPDATE "school_designations" SET "schoolName" = (SELECT "name" FROM "schools" WHERE "schools"."urn" = "school_designations"."urn")`);
    await queryRunner.query("CREATE INDEX \"IDX_7306e0f9884ae7148a603db486\" ON \"school_designations\" (\"partnershipId\", \"schoolName\", \"urn\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_7306e0f9884ae7148a603db486\"");
    await queryRunner.query("DROP INDEX \"IDX_64e023aba353a6b43c5f8eba9b\"");
    await queryRunner.query("DROP INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\"");
    await queryRunner.query("ALTER TABLE \"school_designations\" RENAME TO \"temporary_school_designations\"");
    await queryRunner.query("CREATE TABLE \"school_designations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnershipId\" varchar(36) NOT NULL, \"urn\" varchar(6) NOT NULL, \"designatedFrom\" date NOT NULL, \"designatedUntil\" date, CONSTRAINT \"FK_795453e2f068da785665fb2ae77\" FOREIGN KEY (\"urn\") REFERENCES \"schools\" (\"urn\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"school_designations\"(\"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\") SELECT \"id\", \"partnershipId\", \"urn\", \"designatedFrom\", \"designatedUntil\" FROM \"temporary_school_designations\"");
    await queryRunner.query("DROP TABLE \"temporary_school_designations\"");
    await queryRunner.query("CREATE INDEX \"IDX_64e023aba353a6b43c5f8eba9b\" ON \"school_designations\" (\"partnershipId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_882c5c1f1fb71cc0564c3349a9\" ON \"school_designations\" (\"partnershipId\", \"urn\") ");
  }
}
