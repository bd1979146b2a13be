import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingPosition1796412521958 implements MigrationInterface {
  name = 'RatingPosition1796412521958';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `school_safeguarding_ratings` ADD `position` int NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `school_safeguarding_ratings` DROP COLUMN `position`");
  }
}
