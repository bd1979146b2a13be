import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditChainHead1795339636941 implements MigrationInterface {
  name = 'AuditChainHead1795339636941';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_chain_head` (`id` int NOT NULL, `sequence` int NOT NULL, `hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `audit_chain_head`");
  }
}
