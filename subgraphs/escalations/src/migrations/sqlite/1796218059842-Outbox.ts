import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796218059842 implements MigrationInterface {
  name = 'Outbox1796218059842';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_event\" (\"position\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"eventId\" varchar(36) NOT NULL, \"type\" varchar(60) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"sequence\" integer NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"payload\" text NOT NULL, \"publishedAt\" varchar(30))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_event_id\" ON \"outbox_event\" (\"eventId\") ");
    await queryRunner.query("CREATE INDEX \"IDX_outbox_event_unpublished\" ON \"outbox_event\" (\"publishedAt\", \"position\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_entity_sequence\" ON \"outbox_event\" (\"entityType\", \"entityId\", \"sequence\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_entity_sequence\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_unpublished\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_event_id\"");
    await queryRunner.query("DROP TABLE \"outbox_event\"");
  }
}
