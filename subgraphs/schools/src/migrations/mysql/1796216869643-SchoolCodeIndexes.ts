import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SchoolCodeIndexes1796216869643 implements MigrationInterface {
  name = 'SchoolCodeIndexes1796216869643';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_a4f6c7101ad4f59bdd600cf44b` ON `schools` (`laestab`)");
    await queryRunner.query("CREATE INDEX `IDX_2e02474a47eaba216343d38168` ON `schools` (`ukprn`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_2e02474a47eaba216343d38168` ON `schools`");
    await queryRunner.query("DROP INDEX `IDX_a4f6c7101ad4f59bdd600cf44b` ON `schools`");
  }
}
