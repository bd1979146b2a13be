import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolNameOrder1796234087121 implements MigrationInterface {
  name = 'SchoolNameOrder1796234087121';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_6d6d02206560d09a8fcc552740` ON `schools` (`name`, `urn`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_6d6d02206560d09a8fcc552740` ON `schools`");
  }
}
