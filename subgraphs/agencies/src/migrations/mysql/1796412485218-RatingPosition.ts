import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingPosition1796412485218 implements MigrationInterface {
  name = 'RatingPosition1796412485218';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `section11_ratings` ADD `position` int NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `section11_ratings` DROP COLUMN `position`");
  }
}
