import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnershipAreas1796300162636 implements MigrationInterface {
  name = 'PartnershipAreas1796300162636';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `partnership_areas` (`partnershipId` varchar(36) NOT NULL, `localAuthorityGssCode` varchar(9) NOT NULL, `status` varchar(16) NOT NULL, `sequence` int NOT NULL, INDEX `IDX_5b246d0c0599544c63766d6a00` (`localAuthorityGssCode`), PRIMARY KEY (`partnershipId`, `localAuthorityGssCode`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `partnership_footprints` (`partnershipId` varchar(36) NOT NULL, `sequence` int NOT NULL, PRIMARY KEY (`partnershipId`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `partnership_footprints`");
    await queryRunner.query("DROP INDEX `IDX_5b246d0c0599544c63766d6a00` ON `partnership_areas`");
    await queryRunner.query("DROP TABLE `partnership_areas`");
  }
}
