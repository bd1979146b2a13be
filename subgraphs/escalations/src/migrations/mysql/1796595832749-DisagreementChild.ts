import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DisagreementChild1796595832749 implements MigrationInterface {
  name = 'DisagreementChild1796595832749';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `professional_disagreements` ADD `childReference` varchar(40) NULL");
    await queryRunner.query("CREATE INDEX `IDX_ed6f4e1fcdbc22b36c6bf69160` ON `professional_disagreements` (`childReference`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_ed6f4e1fcdbc22b36c6bf69160` ON `professional_disagreements`");
    await queryRunner.query("ALTER TABLE `professional_disagreements` DROP COLUMN `childReference`");
  }
}
