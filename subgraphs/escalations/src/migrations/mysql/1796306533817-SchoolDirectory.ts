import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolDirectory1796306533817 implements MigrationInterface {
  name = 'SchoolDirectory1796306533817';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `school_directory` (`urn` varchar(6) NOT NULL, `status` varchar(24) NOT NULL, `closedOn` varchar(10) NULL, `localAuthorityDfeCode` varchar(3) NOT NULL, `sequence` int NOT NULL, PRIMARY KEY (`urn`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `school_directory`");
  }
}
