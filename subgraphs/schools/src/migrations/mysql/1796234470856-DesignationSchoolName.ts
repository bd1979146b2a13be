import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DesignationSchoolName1796234470856 implements MigrationInterface {
  name = 'DesignationSchoolName1796234470856';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `school_designations` ADD `schoolName` varchar(200) NOT NULL DEFAULT ''");
    // Existing designations take their school's name, so they keep their place in the list.
    await queryRunner.query("UPDATE `school_designations` SET `schoolName` = (SELECT `name` FROM `schools` WHERE `schools`.`urn` = `school_designations`.`urn`)");
    await queryRunner.query("CREATE INDEX `IDX_7306e0f9884ae7148a603db486` ON `school_designations` (`partnershipId`, `schoolName`, `urn`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_7306e0f9884ae7148a603db486` ON `school_designations`");
    await queryRunner.query("ALTER TABLE `school_designations` DROP COLUMN `schoolName`");
  }
}
