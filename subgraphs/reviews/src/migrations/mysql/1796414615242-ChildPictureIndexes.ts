import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildPictureIndexes1796414615242 implements MigrationInterface {
  name = 'ChildPictureIndexes1796414615242';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_9dae17e78098491da864beccad` ON `child_death_reviews` (`childReference`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_9dae17e78098491da864beccad` ON `child_death_reviews`");
  }
}
