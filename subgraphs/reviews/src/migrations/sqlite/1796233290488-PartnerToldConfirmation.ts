import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerToldConfirmation1796233290488 implements MigrationInterface {
  name = 'PartnerToldConfirmation1796233290488';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e4bc59d0d2515df4ee529cd276\"");
    await queryRunner.query("CREATE TABLE \"temporary_notification_partners_told\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"notificationId\" varchar(36) NOT NULL, \"organisationId\" varchar(36) NOT NULL, \"toldOn\" date, \"dateAware\" date NOT NULL, \"confirmedToldOn\" date, \"confirmedAt\" varchar(30))");
    await queryRunner.query("INSERT INTO \"temporary_notification_partners_told\"(\"id\", \"notificationId\", \"organisationId\", \"toldOn\", \"dateAware\") SELECT \"id\", \"notificationId\", \"organisationId\", \"toldOn\", \"dateAware\" FROM \"notification_partners_told\"");
    await queryRunner.query("DROP TABLE \"notification_partners_told\"");
    await queryRunner.query("ALTER TABLE \"temporary_notification_partners_told\" RENAME TO \"notification_partners_told\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e4bc59d0d2515df4ee529cd276\" ON \"notification_partners_told\" (\"notificationId\", \"organisationId\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_e4bc59d0d2515df4ee529cd276\"");
    await queryRunner.query("ALTER TABLE \"notification_partners_told\" RENAME TO \"temporary_notification_partners_told\"");
    await queryRunner.query("CREATE TABLE \"notification_partners_told\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"notificationId\" varchar(36) NOT NULL, \"organisationId\" varchar(36) NOT NULL, \"toldOn\" date, \"dateAware\" date NOT NULL)");
    await queryRunner.query("INSERT INTO \"notification_partners_told\"(\"id\", \"notificationId\", \"organisationId\", \"toldOn\", \"dateAware\") SELECT \"id\", \"notificationId\", \"organisationId\", \"toldOn\", \"dateAware\" FROM \"temporary_notification_partners_told\"");
    await queryRunner.query("DROP TABLE \"temporary_notification_partners_told\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_e4bc59d0d2515df4ee529cd276\" ON \"notification_partners_told\" (\"notificationId\", \"organisationId\") ");
  }
}
