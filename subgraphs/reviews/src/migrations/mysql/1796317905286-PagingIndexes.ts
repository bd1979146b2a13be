import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PagingIndexes1796317905286 implements MigrationInterface {
  name = 'PagingIndexes1796317905286';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_b1811f5d56d6c075ffb5ee3feb` ON `recommendations`");
    await queryRunner.query("DROP INDEX `IDX_35cc9d6abb1f45bfce66a65684` ON `recommendations`");
    await queryRunner.query("DROP INDEX `IDX_198bcd1ac63952321bfb5b27e7` ON `review_actions`");
    await queryRunner.query("DROP INDEX `IDX_66e975764f15596afaae03fa5f` ON `review_actions`");
    await queryRunner.query("CREATE INDEX `IDX_db64e76ff03efb63332c2ac562` ON `recommendations` (`ownerKind`, `ownerOrganisationId`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_18de8f9c19346f9c2b37c3fea6` ON `recommendations` (`practiceReviewId`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_4017d14bdc60132c74d01c4f8a` ON `review_actions` (`partnershipId`, `dueOn`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_6e30e1be96724de3e4f39e2098` ON `review_actions` (`ownerKind`, `ownerOrganisationId`, `dueOn`, `id`)");
    await queryRunner.query("CREATE INDEX `IDX_d40097efd2ccd0f20e05ebba4d` ON `review_actions` (`recommendationId`, `dueOn`, `id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_d40097efd2ccd0f20e05ebba4d` ON `review_actions`");
    await queryRunner.query("DROP INDEX `IDX_6e30e1be96724de3e4f39e2098` ON `review_actions`");
    await queryRunner.query("DROP INDEX `IDX_4017d14bdc60132c74d01c4f8a` ON `review_actions`");
    await queryRunner.query("DROP INDEX `IDX_18de8f9c19346f9c2b37c3fea6` ON `recommendations`");
    await queryRunner.query("DROP INDEX `IDX_db64e76ff03efb63332c2ac562` ON `recommendations`");
    await queryRunner.query("CREATE INDEX `IDX_66e975764f15596afaae03fa5f` ON `review_actions` (`ownerKind`, `ownerOrganisationId`)");
    await queryRunner.query("CREATE INDEX `IDX_198bcd1ac63952321bfb5b27e7` ON `review_actions` (`recommendationId`)");
    await queryRunner.query("CREATE INDEX `IDX_35cc9d6abb1f45bfce66a65684` ON `recommendations` (`ownerKind`, `ownerOrganisationId`)");
    await queryRunner.query("CREATE INDEX `IDX_b1811f5d56d6c075ffb5ee3feb` ON `recommendations` (`practiceReviewId`)");
  }
}
