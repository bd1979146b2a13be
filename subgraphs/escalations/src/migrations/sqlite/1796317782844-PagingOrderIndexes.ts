import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PagingOrderIndexes1796317782844 implements MigrationInterface {
  name = 'PagingOrderIndexes1796317782844';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_5d27ea5e4b69be6c3388e642de\" ON \"professional_disagreements\" (\"raisedWithOrganisationId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_3533417012feef4ba3b2876d04\" ON \"professional_disagreements\" (\"raisedByOrganisationId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_a1813a9571a5f32245da62fad8\" ON \"professional_disagreements\" (\"partnershipId\", \"raisedOn\", \"caseReference\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7748cd6892cf1c8b6254ea9e29\" ON \"escalation_events\" (\"partnershipId\", \"occurredOn\", \"occurredAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d23b9e888468f90660ac123f5e\" ON \"national_escalations\" (\"partnershipId\", \"raisedOn\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_82aa91689f7fe5d6086fe37e81\" ON \"referrals\" (\"receivingAuthorityId\", \"receivedAt\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b998b078843606de050fe8dd4a\" ON \"referrals\" (\"referrerOrganisationId\", \"receivedAt\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"IDX_b998b078843606de050fe8dd4a\"");
    await queryRunner.query("DROP INDEX \"IDX_82aa91689f7fe5d6086fe37e81\"");
    await queryRunner.query("DROP INDEX \"IDX_d23b9e888468f90660ac123f5e\"");
    await queryRunner.query("DROP INDEX \"IDX_7748cd6892cf1c8b6254ea9e29\"");
    await queryRunner.query("DROP INDEX \"IDX_a1813a9571a5f32245da62fad8\"");
    await queryRunner.query("DROP INDEX \"IDX_3533417012feef4ba3b2876d04\"");
    await queryRunner.query("DROP INDEX \"IDX_5d27ea5e4b69be6c3388e642de\"");
  }
}
