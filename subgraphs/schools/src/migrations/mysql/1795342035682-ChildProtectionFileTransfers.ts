import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildProtectionFileTransfers1795342035682 implements MigrationInterface {
  name = 'ChildProtectionFileTransfers1795342035682';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `child_protection_file_transfers` (`id` varchar(36) NOT NULL, `sendingUrn` varchar(6) NOT NULL, `receivingUrn` varchar(6) NOT NULL, `sendingLaDfeCode` varchar(3) NOT NULL, `receivingLaDfeCode` varchar(3) NOT NULL, `childReference` varchar(40) NOT NULL, `leftOn` date NOT NULL, `state` varchar(20) NOT NULL, `sentOn` date NULL, `receivedOn` date NULL, `recordedBy` varchar(200) NOT NULL, INDEX `IDX_b21c84ae4425e4c00599b2803e` (`sendingUrn`), INDEX `IDX_21c702aa85cb01e8122bf01454` (`receivingUrn`), INDEX `IDX_e8904dab56af03612289ad5ec1` (`sendingLaDfeCode`), INDEX `IDX_edc3cff4ab16bb19268342c427` (`receivingLaDfeCode`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_edc3cff4ab16bb19268342c427` ON `child_protection_file_transfers`");
    await queryRunner.query("DROP INDEX `IDX_e8904dab56af03612289ad5ec1` ON `child_protection_file_transfers`");
    await queryRunner.query("DROP INDEX `IDX_21c702aa85cb01e8122bf01454` ON `child_protection_file_transfers`");
    await queryRunner.query("DROP INDEX `IDX_b21c84ae4425e4c00599b2803e` ON `child_protection_file_transfers`");
    await queryRunner.query("DROP TABLE `child_protection_file_transfers`");
  }
}
