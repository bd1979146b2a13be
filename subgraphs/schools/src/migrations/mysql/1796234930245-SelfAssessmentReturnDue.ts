import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SelfAssessmentReturnDue1796234930245 implements MigrationInterface {
  name = 'SelfAssessmentReturnDue1796234930245';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `school_safeguarding_settings` (`partnershipId` varchar(36) NOT NULL, `returnDue` varchar(5) NOT NULL, PRIMARY KEY (`partnershipId`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `school_safeguarding_settings`");
  }
}
