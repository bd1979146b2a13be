import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxPositions1796411665956 implements MigrationInterface {
  name = 'OutboxPositions1796411665956';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_outbox_event_unpublished` ON `outbox_event`");
    await queryRunner.query("CREATE TABLE `outbox_position` (`consumer` varchar(40) NOT NULL, `position` int NOT NULL, `updatedAt` varchar(30) NOT NULL, PRIMARY KEY (`consumer`)) ENGINE=InnoDB");
    // Each destination the relays had (both buses' names) starts after the last event stamped
    // published under the single mark, so an upgrade neither loses events nor sends them all again.
    await queryRunner.query(
      "INSERT INTO `outbox_position` (`consumer`, `position`, `updatedAt`) SELECT `destination`.`name`, COALESCE((SELECT MIN(`position`) - 1 FROM `outbox_event` WHERE `publishedAt` IS NULL), (SELECT MAX(`position`) FROM `outbox_event`), 0), ? FROM (SELECT 'notifications' AS `name` UNION ALL SELECT 'escalations' UNION ALL SELECT 'jetstream') `destination`",
      [new Date().toISOString()],
    );
    await queryRunner.query("ALTER TABLE `outbox_event` DROP COLUMN `publishedAt`");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `outbox_event` ADD `publishedAt` varchar(30) NULL");
    await queryRunner.query("DROP TABLE `outbox_position`");
    await queryRunner.query("CREATE INDEX `IDX_outbox_event_unpublished` ON `outbox_event` (`publishedAt`, `position`)");
  }
}
