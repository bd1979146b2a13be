import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildPictureIndexes1796414499567 implements MigrationInterface {
  name = 'ChildPictureIndexes1796414499567';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_15d5e8de44c13a07e15d85b493\" ON \"referrals\" (\"childReference\") ");
    await queryRunner.query("CREATE INDEX \"IDX_021ec34b3467e30193bb54b39d\" ON \"referrals\" (\"nhsNumber\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_021ec34b3467e30193bb54b39d\"");
    await queryRunner.query("DROP INDEX \"IDX_15d5e8de44c13a07e15d85b493\"");
  }
}
