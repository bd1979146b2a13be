import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796218049534 implements MigrationInterface {
  name = 'Outbox1796218049534';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `outbox_event` (`position` int NOT NULL AUTO_INCREMENT, `eventId` varchar(36) NOT NULL, `type` varchar(60) NOT NULL, `entityType` varchar(60) NOT NULL, `entityId` varchar(64) NOT NULL, `sequence` int NOT NULL, `occurredAt` varchar(30) NOT NULL, `payload` text NOT NULL, `publishedAt` varchar(30) NULL, UNIQUE INDEX `IDX_outbox_event_event_id` (`eventId`), INDEX `IDX_outbox_event_unpublished` (`publishedAt`, `position`), UNIQUE INDEX `IDX_outbox_event_entity_sequence` (`entityType`, `entityId`, `sequence`), PRIMARY KEY (`position`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_outbox_event_entity_sequence` ON `outbox_event`");
    await queryRunner.query("DROP INDEX `IDX_outbox_event_unpublished` ON `outbox_event`");
    await queryRunner.query("DROP INDEX `IDX_outbox_event_event_id` ON `outbox_event`");
    await queryRunner.query("DROP TABLE `outbox_event`");
  }
}
