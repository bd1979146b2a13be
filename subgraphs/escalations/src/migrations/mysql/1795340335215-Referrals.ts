import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Referrals1795340335215 implements MigrationInterface {
  name = 'Referrals1795340335215';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `referrals` (`id` varchar(36) NOT NULL, `idempotencyKey` varchar(100) NOT NULL, `contentHash` varchar(64) NOT NULL, `referrerOrganisationId` varchar(36) NOT NULL, `referrerKind` varchar(8) NOT NULL, `practitionerSubject` varchar(200) NOT NULL, `practitionerName` varchar(120) NULL, `practitionerRole` varchar(120) NULL, `childReference` varchar(40) NOT NULL, `nhsNumber` varchar(10) NULL, `homeLocalAuthorityGssCode` varchar(9) NOT NULL, `receivingLocalAuthorityGssCode` varchar(9) NOT NULL, `receivingAuthorityId` varchar(36) NOT NULL, `concernCategories` text NOT NULL, `significantHarm` tinyint NOT NULL, `urgency` varchar(24) NOT NULL, `earlyHelpIndicators` text NOT NULL, `lawfulBasis` varchar(24) NOT NULL, `consent` varchar(24) NOT NULL, `consentReason` varchar(1000) NULL, `receivedAt` varchar(30) NOT NULL, `receivedOn` date NOT NULL, `dueOn` date NOT NULL, `dueRule` varchar(200) NOT NULL, `dueProvisional` tinyint NOT NULL, `status` varchar(16) NOT NULL, `acknowledgedAt` varchar(30) NULL, `acknowledgedOn` date NULL, `decision` varchar(40) NULL, `decidedAt` varchar(30) NULL, `decidedOn` date NULL, `feedback` varchar(2000) NULL, `respondedBy` varchar(200) NULL, `possibleDuplicateOfId` varchar(36) NULL, INDEX `IDX_c1f358ea746a0d5c77e5654337` (`referrerOrganisationId`), INDEX `IDX_c0ddfd3b3484e1850193e80050` (`dueOn`), INDEX `IDX_c2ea4262719c2cb9378e9a697d` (`status`), INDEX `IDX_5174461f3b6b21626f541e2322` (`receivingAuthorityId`, `childReference`), UNIQUE INDEX `IDX_a36cb8da280fa3196085b679d3` (`referrerOrganisationId`, `idempotencyKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_a36cb8da280fa3196085b679d3` ON `referrals`");
    await queryRunner.query("DROP INDEX `IDX_5174461f3b6b21626f541e2322` ON `referrals`");
    await queryRunner.query("DROP INDEX `IDX_c2ea4262719c2cb9378e9a697d` ON `referrals`");
    await queryRunner.query("DROP INDEX `IDX_c0ddfd3b3484e1850193e80050` ON `referrals`");
    await queryRunner.query("DROP INDEX `IDX_c1f358ea746a0d5c77e5654337` ON `referrals`");
    await queryRunner.query("DROP TABLE `referrals`");
  }
}
