import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { connectionOf } from '@safeguarding/shared';

/**
 * A school's permission for a system (an MIS vendor's OAuth client) to act for it, granted and
 * revoked by the school's DSL or headteacher. Rows are kept after revocation: the school sees what it once allowed.
 */
@ObjectType({
  description:
    "A system a school has allowed to act for it (e.g. its MIS supplier keeping the school's safeguarding leads up to date)",
})
@Entity('school_delegations')
@Index(['urn', 'clientId'])
@Index(['clientId', 'revokedAt'])
export class SchoolDelegation {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field({ description: 'The delegating school' })
  @Column('varchar', { length: 6 })
  urn!: string;

  @Field({ description: "The system's OAuth 2.0 client id, as the identity provider issues it" })
  @Column('varchar', { length: 100 })
  clientId!: string;

  @Field({ description: 'ISO 8601 instant, UTC' })
  @Column('varchar', { length: 30 })
  grantedAt!: string;

  // Who granted or revoked is in the audit trail; a token subject is not shown to the vendor.
  @Column('varchar', { length: 200 })
  grantedBy!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant, UTC; null while the delegation is active' })
  @Column('varchar', { length: 30, nullable: true })
  revokedAt!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  revokedBy!: string | null;

  @Field({ description: 'True until revoked' })
  get active(): boolean {
    return this.revokedAt === null;
  }
}

export const SchoolDelegationConnection = connectionOf<SchoolDelegation>(
  () => SchoolDelegation,
  'SchoolDelegation',
  "A page of a school's delegations, newest first",
);
