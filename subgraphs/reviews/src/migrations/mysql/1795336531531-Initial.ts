import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795336531531 implements MigrationInterface {
  name = 'Initial1795336531531';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `practice_reviews` (`id` varchar(36) NOT NULL, `partnershipId` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `title` varchar(300) NOT NULL, `decisionDate` date NOT NULL, `status` varchar(16) NOT NULL, `publishedOn` date NULL, `publicationUrl` varchar(500) NULL, INDEX `IDX_1cdece63359b1ab2f3744df546` (`partnershipId`), INDEX `IDX_2aca163dec6ed16c3e07edd949` (`status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_2aca163dec6ed16c3e07edd949` ON `practice_reviews`");
    await queryRunner.query("DROP INDEX `IDX_1cdece63359b1ab2f3744df546` ON `practice_reviews`");
    await queryRunner.query("DROP TABLE `practice_reviews`");
  }
}
