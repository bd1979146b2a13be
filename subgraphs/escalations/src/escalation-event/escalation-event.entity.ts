import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { EventDateSource } from '../event-date/event-date';

/** Which record an event belongs to: both kinds of escalation keep the same append-only history. */
export enum EscalationStreamType {
  PROFESSIONAL_DISAGREEMENT = 'PROFESSIONAL_DISAGREEMENT',
  NATIONAL_ESCALATION = 'NATIONAL_ESCALATION',
}

/** Everything that can happen to an escalation; each is one immutable row. */
export enum EscalationEventKind {
  RAISED = 'RAISED',
  ESCALATED = 'ESCALATED',
  RESOLVED = 'RESOLVED',
  WITHDRAWN = 'WITHDRAWN',
  SCRUTINEER_ADVICE = 'SCRUTINEER_ADVICE',
  LEARNING_NOTE = 'LEARNING_NOTE',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CLOSED = 'CLOSED',
}
registerEnumType(EscalationEventKind, {
  name: 'EscalationEventKind',
  description: 'What happened: a transition of the escalation, or advice or learning recorded on it',
});

/** An action agreed when a disagreement was resolved: what, by which organisation, by when. */
@ObjectType({ description: 'An action agreed at resolution, with the organisation that owns it and its due date' })
export class EscalationAgreedAction {
  @Field()
  description!: string;

  @Field(() => ID, { description: "The owning organisation: an agency id, or a school's URN" })
  ownerOrganisationId!: string;

  @Field(() => DateScalar)
  dueOn!: string;
}

/**
 * One thing that happened to a professional disagreement or a national escalation. Rows are only
 * ever inserted (the repository has no update or delete), and each carries the SHA-256 of its
 * content and of the event before it in the same history, so an edited or removed row shows.
 */
@ObjectType({ description: 'One immutable event in the history of an escalation: who, when and what' })
@Entity('escalation_events')
@Index(['streamId', 'sequence'], { unique: true })
// A partnership's learning notes in the order they were recorded, read from the index a page at a time.
@Index(['partnershipId', 'occurredOn', 'occurredAt', 'id'])
export class EscalationEvent {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 30 })
  streamType!: EscalationStreamType;

  // The disagreement's or national escalation's id.
  @Column('varchar', { length: 36 })
  streamId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => Int, { description: "Position in this escalation's history, from 1" })
  @Column('int')
  sequence!: number;

  @Field(() => EscalationEventKind)
  @Column('varchar', { length: 30 })
  kind!: EscalationEventKind;

  @Field({ description: 'ISO 8601 instant, UTC' })
  @Column('varchar', { length: 30 })
  occurredAt!: string;

  @Field(() => DateScalar, { description: 'The day in England it happened' })
  @Column('date')
  occurredOn!: string;

  @Field(() => EventDateSource, {
    nullable: true,
    description:
      "Whether occurredOn was supplied by the caller's system or is the graph's clock; null on events recorded before this was kept",
  })
  @Column('varchar', { length: 8, nullable: true })
  occurredOnSource!: EventDateSource | null;

  @Field({ description: 'The person who did it, as the identity provider names them' })
  @Column('varchar', { length: 200 })
  subject!: string;

  @Field(() => ID, { description: "The organisation they acted for: an agency id, or a school's URN" })
  @Column('varchar', { length: 64 })
  organisationId!: string;

  @Field()
  @Column('varchar', { length: 32 })
  organisationKind!: string;

  @Field(() => Int, { nullable: true, description: 'The stage before an escalation' })
  @Column('int', { nullable: true })
  fromStage!: number | null;

  @Field(() => Int, { nullable: true, description: 'The stage started by this event (raising or escalating)' })
  @Column('int', { nullable: true })
  toStage!: number | null;

  @Field(() => String, { nullable: true, description: 'The name of the stage started, as the policy called it then' })
  @Column('varchar', { length: 120, nullable: true })
  stageName!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The started stage's deadline, as computed then and copied onto the escalation",
  })
  @Column('date', { nullable: true })
  stageDueOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How that deadline was computed, e.g. "5 working days after 2026-12-23"',
  })
  @Column('varchar', { length: 200, nullable: true })
  stageDueRule!: string | null;

  @Column('boolean', { nullable: true })
  stageDueProvisional!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Why (escalation, withdrawal), the scrutineer's advice, the learning, or the national matter's note",
  })
  @Column('varchar', { length: 2000, nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The outcome agreed (resolution, closure)' })
  @Column('varchar', { length: 2000, nullable: true })
  outcome!: string | null;

  // JSON array of EscalationAgreedAction; part of the hashed content.
  @Column('text', { nullable: true })
  agreedActionsJson!: string | null;

  @Column('varchar', { length: 64 })
  previousHash!: string;

  @Column('varchar', { length: 64 })
  hash!: string;

  @Field(() => [EscalationAgreedAction], { description: 'Actions agreed at resolution' })
  agreedActions(): EscalationAgreedAction[] {
    if (!this.agreedActionsJson) return [];
    return (JSON.parse(this.agreedActionsJson) as EscalationAgreedAction[]).map((action) =>
      Object.assign(new EscalationAgreedAction(), action),
    );
  }
}

/** Whether an escalation's history is unbroken: every event's hash matches its content and its predecessor. */
@ObjectType({ description: 'Whether the history of an escalation is exactly as it was written' })
export class EscalationHistoryChain {
  @Field()
  intact!: boolean;

  @Field(() => Int)
  events!: number;

  @Field(() => Int, { nullable: true, description: 'The first event whose content, order or link no longer matches' })
  brokenAtSequence!: number | null;
}
