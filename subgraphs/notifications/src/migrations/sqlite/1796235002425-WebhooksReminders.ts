import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhooksReminders1796235002425 implements MigrationInterface {
  name = 'WebhooksReminders1796235002425';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"webhook_endpoint\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"organisationId\" varchar(64), \"organisationKind\" varchar(30), \"partnershipId\" varchar(36), \"url\" varchar(2000) NOT NULL, \"description\" varchar(200), \"eventTypes\" text NOT NULL, \"secret\" varchar(100) NOT NULL, \"status\" varchar(12) NOT NULL, \"consecutiveFailures\" integer NOT NULL DEFAULT (0), \"disabledReason\" varchar(200), \"disabledAt\" varchar(30), \"createdBy\" varchar(200) NOT NULL, \"createdAt\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_webhook_endpoint_partnership\" ON \"webhook_endpoint\" (\"partnershipId\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"IDX_webhook_endpoint_organisation\" ON \"webhook_endpoint\" (\"organisationId\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"webhook_delivery\" (\"id\" varchar(40) PRIMARY KEY NOT NULL, \"endpointId\" varchar(36) NOT NULL, \"messageKey\" varchar(100) NOT NULL, \"eventType\" varchar(60) NOT NULL, \"body\" text NOT NULL, \"status\" varchar(12) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"nextAttemptAt\" varchar(30) NOT NULL, \"leaseUntil\" varchar(30), \"lastResponseCode\" integer, \"lastError\" varchar(200), \"lastAttemptAt\" varchar(30), \"createdAt\" varchar(30) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"IDX_webhook_delivery_endpoint\" ON \"webhook_delivery\" (\"endpointId\", \"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"IDX_webhook_delivery_due\" ON \"webhook_delivery\" (\"status\", \"nextAttemptAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_webhook_delivery_message\" ON \"webhook_delivery\" (\"endpointId\", \"messageKey\") ");
    await queryRunner.query("CREATE TABLE \"scheduler_lease\" (\"job\" varchar(40) PRIMARY KEY NOT NULL, \"lastRunAt\" varchar(30), \"lastRunReminders\" integer NOT NULL DEFAULT (0))");
    await queryRunner.query("CREATE TABLE \"sent_reminder\" (\"obligationId\" varchar(36) NOT NULL, \"stage\" varchar(20) NOT NULL, \"due\" varchar(10) NOT NULL, \"sentOn\" varchar(10) NOT NULL, PRIMARY KEY (\"obligationId\", \"stage\", \"due\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"sent_reminder\"");
    await queryRunner.query("DROP TABLE \"scheduler_lease\"");
    await queryRunner.query("DROP INDEX \"IDX_webhook_delivery_message\"");
    await queryRunner.query("DROP INDEX \"IDX_webhook_delivery_due\"");
    await queryRunner.query("DROP INDEX \"IDX_webhook_delivery_endpoint\"");
    await queryRunner.query("DROP TABLE \"webhook_delivery\"");
    await queryRunner.query("DROP INDEX \"IDX_webhook_endpoint_organisation\"");
    await queryRunner.query("DROP INDEX \"IDX_webhook_endpoint_partnership\"");
    await queryRunner.query("DROP TABLE \"webhook_endpoint\"");
  }
}
