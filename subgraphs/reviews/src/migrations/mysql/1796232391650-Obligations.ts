import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Obligations1796232391650 implements MigrationInterface {
  name = 'Obligations1796232391650';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `obligation` (`id` varchar(36) NOT NULL, `kind` varchar(40) NOT NULL, `entityType` varchar(60) NOT NULL, `entityId` varchar(64) NOT NULL, `occurrence` varchar(40) NOT NULL DEFAULT '', `ownerOrganisationId` varchar(64) NULL, `ownerPartnershipId` varchar(36) NULL, `owedTo` varchar(64) NOT NULL, `due` varchar(10) NOT NULL, `rule` varchar(300) NOT NULL, `basis` varchar(300) NOT NULL, `provisional` tinyint NOT NULL, `status` varchar(12) NOT NULL, `metOn` varchar(10) NULL, `audience` text NOT NULL, `openedAt` varchar(30) NOT NULL, `updatedAt` varchar(30) NOT NULL, INDEX `IDX_obligation_status_due` (`status`, `due`), UNIQUE INDEX `IDX_obligation_about` (`kind`, `entityType`, `entityId`, `occurrence`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_obligation_about` ON `obligation`");
    await queryRunner.query("DROP INDEX `IDX_obligation_status_due` ON `obligation`");
    await queryRunner.query("DROP TABLE `obligation`");
  }
}
