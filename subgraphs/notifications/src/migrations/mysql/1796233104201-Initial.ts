import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796233104201 implements MigrationInterface {
  name = 'Initial1796233104201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_records` (`sequence` int NOT NULL, `occurredAt` varchar(30) NOT NULL, `action` varchar(10) NOT NULL, `subject` varchar(200) NOT NULL, `organisationId` varchar(64) NOT NULL, `organisationKind` varchar(32) NOT NULL, `operationName` varchar(200) NULL, `entityType` varchar(60) NOT NULL, `entityId` varchar(64) NOT NULL, `partnershipId` varchar(36) NULL, `reason` varchar(500) NULL, `channel` varchar(10) NOT NULL, `requestId` varchar(64) NOT NULL, `clientRequestId` varchar(64) NULL, `previousHash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `IDX_587d9a17fcf8bab967cc4acd28` (`partnershipId`), PRIMARY KEY (`sequence`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_chain_head` (`id` int NOT NULL, `sequence` int NOT NULL, `hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `audit_checkpoints` (`sequence` int NOT NULL, `hash` varchar(64) NOT NULL, `signedAt` varchar(30) NOT NULL, `signature` varchar(100) NOT NULL, PRIMARY KEY (`sequence`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `outbox_event` (`position` int NOT NULL AUTO_INCREMENT, `eventId` varchar(36) NOT NULL, `type` varchar(60) NOT NULL, `entityType` varchar(60) NOT NULL, `entityId` varchar(64) NOT NULL, `sequence` int NOT NULL, `occurredAt` varchar(30) NOT NULL, `payload` text NOT NULL, `publishedAt` varchar(30) NULL, UNIQUE INDEX `IDX_outbox_event_event_id` (`eventId`), INDEX `IDX_outbox_event_unpublished` (`publishedAt`, `position`), UNIQUE INDEX `IDX_outbox_event_entity_sequence` (`entityType`, `entityId`, `sequence`), PRIMARY KEY (`position`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `obligation` (`id` varchar(36) NOT NULL, `kind` varchar(40) NOT NULL, `entityType` varchar(60) NOT NULL, `entityId` varchar(64) NOT NULL, `occurrence` varchar(40) NOT NULL DEFAULT '', `ownerOrganisationId` varchar(64) NULL, `ownerPartnershipId` varchar(36) NULL, `owedTo` varchar(64) NOT NULL, `due` varchar(10) NOT NULL, `rule` varchar(300) NOT NULL, `basis` varchar(300) NOT NULL, `provisional` tinyint NOT NULL, `status` varchar(12) NOT NULL, `metOn` varchar(10) NULL, `audience` text NOT NULL, `openedAt` varchar(30) NOT NULL, `updatedAt` varchar(30) NOT NULL, INDEX `IDX_obligation_status_due` (`status`, `due`), UNIQUE INDEX `IDX_obligation_about` (`kind`, `entityType`, `entityId`, `occurrence`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `obligation_audience` (`obligationId` varchar(36) NOT NULL, `clause` varchar(20) NOT NULL, `value` varchar(64) NOT NULL, INDEX `IDX_obligation_audience_value` (`clause`, `value`, `obligationId`), PRIMARY KEY (`obligationId`, `clause`, `value`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `obligation_index` (`id` varchar(36) NOT NULL, `source` varchar(30) NOT NULL, `kind` varchar(40) NOT NULL, `aboutType` varchar(60) NOT NULL, `aboutId` varchar(64) NOT NULL, `occurrence` varchar(40) NOT NULL DEFAULT '', `ownerOrganisationId` varchar(64) NULL, `ownerPartnershipId` varchar(36) NULL, `owedTo` varchar(64) NOT NULL, `due` varchar(10) NOT NULL, `rule` varchar(300) NOT NULL, `basis` varchar(300) NOT NULL, `provisional` tinyint NOT NULL, `status` varchar(12) NOT NULL, `metOn` varchar(10) NULL, `sequence` int NOT NULL, `changedAt` varchar(30) NOT NULL, INDEX `IDX_obligation_index_organisation` (`ownerOrganisationId`, `status`, `due`), INDEX `IDX_obligation_index_partnership` (`ownerPartnershipId`, `status`, `due`), INDEX `IDX_obligation_index_status_due` (`status`, `due`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `received_event` (`position` int NOT NULL AUTO_INCREMENT, `eventId` varchar(36) NOT NULL, `source` varchar(30) NOT NULL, `type` varchar(60) NOT NULL, `entityType` varchar(60) NOT NULL, `entityId` varchar(64) NOT NULL, `sequence` int NOT NULL, `occurredAt` varchar(30) NOT NULL, `payload` text NOT NULL, `receivedAt` varchar(30) NOT NULL, UNIQUE INDEX `IDX_received_event_event_id` (`eventId`), INDEX `IDX_received_event_type` (`type`, `position`), INDEX `IDX_received_event_entity` (`entityType`, `entityId`, `sequence`), PRIMARY KEY (`position`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_received_event_entity` ON `received_event`");
    await queryRunner.query("DROP INDEX `IDX_received_event_type` ON `received_event`");
    await queryRunner.query("DROP INDEX `IDX_received_event_event_id` ON `received_event`");
    await queryRunner.query("DROP TABLE `received_event`");
    await queryRunner.query("DROP INDEX `IDX_obligation_index_status_due` ON `obligation_index`");
    await queryRunner.query("DROP INDEX `IDX_obligation_index_partnership` ON `obligation_index`");
    await queryRunner.query("DROP INDEX `IDX_obligation_index_organisation` ON `obligation_index`");
    await queryRunner.query("DROP TABLE `obligation_index`");
    await queryRunner.query("DROP INDEX `IDX_obligation_audience_value` ON `obligation_audience`");
    await queryRunner.query("DROP TABLE `obligation_audience`");
    await queryRunner.query("DROP INDEX `IDX_obligation_about` ON `obligation`");
    await queryRunner.query("DROP INDEX `IDX_obligation_status_due` ON `obligation`");
    await queryRunner.query("DROP TABLE `obligation`");
    await queryRunner.query("DROP INDEX `IDX_outbox_event_entity_sequence` ON `outbox_event`");
    await queryRunner.query("DROP INDEX `IDX_outbox_event_unpublished` ON `outbox_event`");
    await queryRunner.query("DROP INDEX `IDX_outbox_event_event_id` ON `outbox_event`");
    await queryRunner.query("DROP TABLE `outbox_event`");
    await queryRunner.query("DROP TABLE `audit_checkpoints`");
    await queryRunner.query("DROP TABLE `audit_chain_head`");
    await queryRunner.query("DROP INDEX `IDX_587d9a17fcf8bab967cc4acd28` ON `audit_records`");
    await queryRunner.query("DROP TABLE `audit_records`");
  }
}
