import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolCalendar1795343433418 implements MigrationInterface {
  name = 'SchoolCalendar1795343433418';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `school_closure_days` (`urn` varchar(6) NOT NULL, `date` date NOT NULL, `reason` varchar(200) NOT NULL, PRIMARY KEY (`urn`, `date`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `school_closure_days`");
  }
}
