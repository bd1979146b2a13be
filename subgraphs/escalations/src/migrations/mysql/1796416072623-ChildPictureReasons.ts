import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildPictureReasons1796416072623 implements MigrationInterface {
  name = 'ChildPictureReasons1796416072623';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `child_picture_policies` (`partnershipId` varchar(36) NOT NULL, `reasons` text NOT NULL, PRIMARY KEY (`partnershipId`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `child_picture_policies`");
  }
}
