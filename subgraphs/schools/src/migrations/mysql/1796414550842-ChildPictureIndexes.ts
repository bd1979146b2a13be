import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildPictureIndexes1796414550842 implements MigrationInterface {
  name = 'ChildPictureIndexes1796414550842';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_b61dd39deea34efc1b55dbe625` ON `child_protection_file_transfers` (`childReference`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b61dd39deea34efc1b55dbe625` ON `child_protection_file_transfers`");
  }
}
