import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OwnerAdmitted1796594323089 implements MigrationInterface {
  name = 'OwnerAdmitted1796594323089';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_webhook_delivery_message` ON `webhook_delivery`");
    await queryRunner.query("ALTER TABLE `obligation_index` ADD `ownerOrganisationAdmitted` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `obligation_index` ADD `ownerPartnershipAdmitted` tinyint NOT NULL DEFAULT 0");
    // Rows indexed before the flags existed: decided once here from their audience rows, as the intake
    // now decides them when it applies an event.
    await queryRunner.query("UPDATE `obligation_index` o SET o.`ownerOrganisationAdmitted` = EXISTS (SELECT 1 FROM `obligation_audience` a WHERE a.`obligationId` = o.`id` AND a.`clause` = 'ORGANISATION' AND a.`value` = o.`ownerOrganisationId`), o.`ownerPartnershipAdmitted` = EXISTS (SELECT 1 FROM `obligation_audience` a WHERE a.`obligationId` = o.`id` AND a.`clause` = 'PARTNERSHIP' AND a.`value` = o.`ownerPartnershipId`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `obligation_index` DROP COLUMN `ownerPartnershipAdmitted`");
    await queryRunner.query("ALTER TABLE `obligation_index` DROP COLUMN `ownerOrganisationAdmitted`");
    await queryRunner.query("CREATE UNIQUE INDEX `IDX_webhook_delivery_message` ON `webhook_delivery` (`endpointId`, `messageKey`)");
  }
}
