import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PagingOrderIndexes1796317810778 implements MigrationInterface {
  name = 'PagingOrderIndexes1796317810778';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `IDX_7853651e61e0692b71976ab7a5` ON `child_protection_file_transfers` (`receivingUrn`, `leftOn`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_2e65668a47a8634b54edf6021b` ON `child_protection_file_transfers` (`sendingUrn`, `leftOn`, `id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_2e65668a47a8634b54edf6021b` ON `child_protection_file_transfers`");
    await queryRunner.query("DROP INDEX `IDX_7853651e61e0692b71976ab7a5` ON `child_protection_file_transfers`");
  }
}
