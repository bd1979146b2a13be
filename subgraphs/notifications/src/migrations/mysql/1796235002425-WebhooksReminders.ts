import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhooksReminders1796235002425 implements MigrationInterface {
  name = 'WebhooksReminders1796235002425';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `webhook_endpoint` (`id` varchar(36) NOT NULL, `organisationId` varchar(64) NULL, `organisationKind` varchar(30) NULL, `partnershipId` varchar(36) NULL, `url` varchar(2000) NOT NULL, `description` varchar(200) NULL, `eventTypes` text NOT NULL, `secret` varchar(100) NOT NULL, `status` varchar(12) NOT NULL, `consecutiveFailures` int NOT NULL DEFAULT '0', `disabledReason` varchar(200) NULL, `disabledAt` varchar(30) NULL, `createdBy` varchar(200) NOT NULL, `createdAt` varchar(30) NOT NULL, INDEX `IDX_webhook_endpoint_partnership` (`partnershipId`, `status`), INDEX `IDX_webhook_endpoint_organisation` (`organisationId`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `webhook_delivery` (`id` varchar(40) NOT NULL, `endpointId` varchar(36) NOT NULL, `messageKey` varchar(100) NOT NULL, `eventType` varchar(60) NOT NULL, `body` text NOT NULL, `status` varchar(12) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `nextAttemptAt` varchar(30) NOT NULL, `leaseUntil` varchar(30) NULL, `lastResponseCode` int NULL, `lastError` varchar(200) NULL, `lastAttemptAt` varchar(30) NULL, `createdAt` varchar(30) NOT NULL, INDEX `IDX_webhook_delivery_endpoint` (`endpointId`, `createdAt`), INDEX `IDX_webhook_delivery_due` (`status`, `nextAttemptAt`), UNIQUE INDEX `IDX_webhook_delivery_message` (`endpointId`, `messageKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `scheduler_lease` (`job` varchar(40) NOT NULL, `lastRunAt` varchar(30) NULL, `lastRunReminders` int NOT NULL DEFAULT '0', PRIMARY KEY (`job`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `sent_reminder` (`obligationId` varchar(36) NOT NULL, `stage` varchar(20) NOT NULL, `due` varchar(10) NOT NULL, `sentOn` varchar(10) NOT NULL, PRIMARY KEY (`obligationId`, `stage`, `due`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `sent_reminder`");
    await queryRunner.query("DROP TABLE `scheduler_lease`");
    await queryRunner.query("DROP INDEX `IDX_webhook_delivery_message` ON `webhook_delivery`");
    await queryRunner.query("DROP INDEX `IDX_webhook_delivery_due` ON `webhook_delivery`");
    await queryRunner.query("DROP INDEX `IDX_webhook_delivery_endpoint` ON `webhook_delivery`");
    await queryRunner.query("DROP TABLE `webhook_delivery`");
    await queryRunner.query("DROP INDEX `IDX_webhook_endpoint_organisation` ON `webhook_endpoint`");
    await queryRunner.query("DROP INDEX `IDX_webhook_endpoint_partnership` ON `webhook_endpoint`");
    await queryRunner.query("DROP TABLE `webhook_endpoint`");
  }
}
