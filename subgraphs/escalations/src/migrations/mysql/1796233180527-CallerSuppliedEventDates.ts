import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallerSuppliedEventDates1796233180527 implements MigrationInterface {
  name = 'CallerSuppliedEventDates1796233180527';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `professional_disagreements` ADD `raisedOnSource` varchar(8) NOT NULL DEFAULT 'SERVER'");
    await queryRunner.query("ALTER TABLE `escalation_events` ADD `occurredOnSource` varchar(8) NULL");
    await queryRunner.query("ALTER TABLE `national_escalations` ADD `acknowledgedOn` date NULL");
    await queryRunner.query("ALTER TABLE `referrals` ADD `receivedAtSource` varchar(8) NOT NULL DEFAULT 'SERVER'");
    await queryRunner.query("ALTER TABLE `referrals` ADD `acknowledgedAtSource` varchar(8) NULL");
    await queryRunner.query("ALTER TABLE `referrals` ADD `decidedAtSource` varchar(8) NULL");
    // Escalations acknowledged before the column existed: the day of their ACKNOWLEDGED event.
    await queryRunner.query("UPDATE `national_escalations` `n` SET `acknowledgedOn` = (SELECT MIN(`e`.`occurredOn`) FROM `escalation_events` `e` WHERE `e`.`streamId` = `n`.`id` AND `e`.`kind` = 'ACKNOWLEDGED') WHERE `n`.`acknowledgedOn` IS NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `referrals` DROP COLUMN `decidedAtSource`");
    await queryRunner.query("ALTER TABLE `referrals` DROP COLUMN `acknowledgedAtSource`");
    await queryRunner.query("ALTER TABLE `referrals` DROP COLUMN `receivedAtSource`");
    await queryRunner.query("ALTER TABLE `national_escalations` DROP COLUMN `acknowledgedOn`");
    await queryRunner.query("ALTER TABLE `escalation_events` DROP COLUMN `occurredOnSource`");
    await queryRunner.query("ALTER TABLE `professional_disagreements` DROP COLUMN `raisedOnSource`");
  }
}
