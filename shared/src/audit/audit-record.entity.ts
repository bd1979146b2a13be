import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum AuditAction {
  READ = 'READ',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  /** A read of a case by an organisation not party to it, with the reason it gave. */
  ALERT = 'ALERT',
  /** An attempted change; recorded only when refused (the outcome says so), as the change itself never happened. */
  WRITE = 'WRITE',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  /** The caller was signed in and refused: an attempt is a security event, recorded like an access. */
  REFUSED = 'REFUSED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'Whether the access recorded was allowed or refused',
});

/**
 * One look at, or change to, case-level data. Append-only: each record carries the hash of the one
 * before it, so an edited or deleted record breaks the chain from that point on.
 */
@ObjectType({ description: 'Who saw or changed what case-level data, when, and how the request arrived' })
@Directive('@shareable')
@Entity('audit_records')
// The looks at one record (Child.looks: the latest 25 about a child) are read newest first by entity.
@Index(['entityType', 'entityId', 'sequence'])
export class AuditRecord {
  @Field(() => Int, { description: "Position in this subgraph's chain" })
  @PrimaryColumn('int')
  sequence!: number;

  @Field({ description: 'ISO 8601 instant, UTC' })
  @Column('varchar', { length: 30 })
  occurredAt!: string;

  @Field(() => AuditAction)
  @Column('varchar', { length: 10 })
  action!: AuditAction;

  @Field(() => AuditOutcome, {
    description: 'ALLOWED, or REFUSED for an attempt the caller was refused (UK GDPR Art. 32: security of processing)',
  })
  @Column('varchar', { length: 10, default: AuditOutcome.ALLOWED })
  outcome!: AuditOutcome;

  @Field()
  @Column('varchar', { length: 200 })
  subject!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The system (OAuth client id) that made the request; null for a person. The subject is then the person it acted for, when it named one, or the client itself',
  })
  @Column('varchar', { length: 100, nullable: true })
  clientId!: string | null;

  @Field()
  @Column('varchar', { length: 64 })
  organisationId!: string;

  @Field()
  @Column('varchar', { length: 32 })
  organisationKind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'query, mutation or subscription, from the document the server executed',
  })
  @Column('varchar', { length: 12, nullable: true })
  operationType!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The root fields the executed document selected, comma-separated',
  })
  @Column('varchar', { length: 200, nullable: true })
  rootFields!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 (hex) of the executed document, as the gateway bound it in its signed token',
  })
  @Column('varchar', { length: 64, nullable: true })
  documentHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name the client gave its operation, for its own correlation; not vouched for',
  })
  @Column('varchar', { length: 200, nullable: true })
  clientOperationName!: string | null;

  @Field()
  @Column('varchar', { length: 60 })
  entityType!: string;

  @Field()
  @Column('varchar', { length: 64 })
  entityId!: string;

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  partnershipId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The reason stated for an access outside the caller's own cases",
  })
  @Column('varchar', { length: 500, nullable: true })
  reason!: string | null;

  @Field({ description: '"gateway", or "direct" for a call that bypassed it' })
  @Column('varchar', { length: 10 })
  channel!: string;

  @Field({ description: 'The id the gateway gave the request (never one the client chose)' })
  @Column('varchar', { length: 64 })
  requestId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The x-request-id the client sent, for its own correlation; not vouched for',
  })
  @Column('varchar', { length: 64, nullable: true })
  clientRequestId!: string | null;

  @Field()
  @Column('varchar', { length: 64 })
  previousHash!: string;

  @Field()
  @Column('varchar', { length: 64 })
  hash!: string;
}

/**
 * The chain's head in a row of its own. Appenders lock this one row by primary key, which
 * serialises them across processes without the gap locks that locking the newest record takes
 * (two such appenders deadlock on their inserts). It also lets verification see a truncated tail.
 */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn('int')
  id!: number;

  @Column('int')
  sequence!: number;

  @Column('varchar', { length: 64 })
  hash!: string;
}

/**
 * The chain's head at a moment, signed (Ed25519) with a key the database never holds. Anyone
 * with the public key can check an exported trail against these; a read-time check starts from
 * the newest one instead of walking the whole chain.
 */
@Entity('audit_checkpoints')
export class AuditCheckpoint {
  @PrimaryColumn('int')
  sequence!: number;

  @Column('varchar', { length: 64 })
  hash!: string;

  @Column('varchar', { length: 30 })
  signedAt!: string;

  /** Base64 Ed25519 signature of checkpointPayload(sequence, hash, signedAt). */
  @Column('varchar', { length: 100 })
  signature!: string;
}
