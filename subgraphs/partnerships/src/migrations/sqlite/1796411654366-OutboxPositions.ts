import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxPositions1796411654366 implements MigrationInterface {
  name = 'OutboxPositions1796411654366';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_unpublished\"");
    await queryRunner.query("CREATE TABLE \"outbox_position\" (\"consumer\" varchar(40) PRIMARY KEY NOT NULL, \"position\" integer NOT NULL, \"updatedAt\" varchar(30) NOT NULL)");
    // Each destination the relays had (both buses' names) starts after the last event stamped
    // published under the single mark, so an upgrade neither loses events nor sends them all again.
    await queryRunner.query(
      "INSERT INTO \"outbox_position\" (\"consumer\", \"position\", \"updatedAt\") SELECT \"destination\".\"name\", COALESCE((SELECT MIN(\"position\") - 1 FROM \"outbox_event\" WHERE \"publishedAt\" IS NULL), (SELECT MAX(\"position\") FROM \"outbox_event\"), 0), ? FROM (SELECT 'notifications' AS \"name\" UNION ALL SELECT 'escalations' UNION ALL SELECT 'jetstream') \"destination\"",
      [new Date().toISOString()],
    );
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_entity_sequence\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_event_id\"");
    await queryRunner.query("CREATE TABLE \"temporary_outbox_event\" (\"position\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"eventId\" varchar(36) NOT NULL, \"type\" varchar(60) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"sequence\" integer NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"payload\" text NOT NULL)");
    await queryRunner.query("INSERT INTO \"temporary_outbox_event\"(\"position\", \"eventId\", \"type\", \"entityType\", \"entityId\", \"sequence\", \"occurredAt\", \"payload\") SELECT \"position\", \"eventId\", \"type\", \"entityType\", \"entityId\", \"sequence\", \"occurredAt\", \"payload\" FROM \"outbox_event\"");
    await queryRunner.query("DROP TABLE \"outbox_event\"");
    await queryRunner.query("ALTER TABLE \"temporary_outbox_event\" RENAME TO \"outbox_event\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_entity_sequence\" ON \"outbox_event\" (\"entityType\", \"entityId\", \"sequence\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_event_id\" ON \"outbox_event\" (\"eventId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_event_id\"");
    await queryRunner.query("DROP INDEX \"IDX_outbox_event_entity_sequence\"");
    await queryRunner.query("ALTER TABLE \"outbox_event\" RENAME TO \"temporary_outbox_event\"");
    await queryRunner.query("CREATE TABLE \"outbox_event\" (\"position\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"eventId\" varchar(36) NOT NULL, \"type\" varchar(60) NOT NULL, \"entityType\" varchar(60) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"sequence\" integer NOT NULL, \"occurredAt\" varchar(30) NOT NULL, \"payload\" text NOT NULL, \"publishedAt\" varchar(30))");
    await queryRunner.query("INSERT INTO \"outbox_event\"(\"position\", \"eventId\", \"type\", \"entityType\", \"entityId\", \"sequence\", \"occurredAt\", \"payload\") SELECT \"position\", \"eventId\", \"type\", \"entityType\", \"entityId\", \"sequence\", \"occurredAt\", \"payload\" FROM \"temporary_outbox_event\"");
    await queryRunner.query("DROP TABLE \"temporary_outbox_event\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_event_id\" ON \"outbox_event\" (\"eventId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_outbox_event_entity_sequence\" ON \"outbox_event\" (\"entityType\", \"entityId\", \"sequence\") ");
    await queryRunner.query("DROP TABLE \"outbox_position\"");
    await queryRunner.query("CREATE INDEX \"IDX_outbox_event_unpublished\" ON \"outbox_event\" (\"publishedAt\", \"position\") ");
  }
}
