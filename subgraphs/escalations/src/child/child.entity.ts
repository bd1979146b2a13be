import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  AuditAction,
  AuditOutcome,
  ChildHolderKind,
  ChildInvolvementKind,
  ChildRecordHolding,
  connectionOf,
  DateScalar,
} from '@safeguarding/shared';
import { AgencyStub } from '../external/agency.type';
import { SchoolStub } from '../external/school.type';

/**
 * A child, by the graph's sealed key (shared/src/child): the pseudonymous references its records
 * carry, linked here through the NHS numbers on referrals, which never leave this subgraph. Each
 * subgraph holding records about children adds its own fields; this one puts the picture together.
 */
@ObjectType('Child', {
  description:
    "A child, by a graph-wide key that names no one and holds no NHS number: each agency's records about the child, shown only to those with a legitimate relationship (Children Act 2004 s11; Working Together 2023 ch. 2)",
})
@Directive('@key(fields: "key")')
export class Child {
  @Field(() => ID, {
    description: 'Opaque; the same child gives the same key while its linked references stay the same',
  })
  key!: string;

  // The schools subgraph's contribution, handed in by the gateway for the picture (@requires); null while schools is down.
  @Field(() => [ChildRecordHolding], { nullable: true })
  @Directive('@external')
  fileTransferHoldings?: ChildRecordHolding[] | null;

  // The reviews subgraph's, likewise.
  @Field(() => [ChildRecordHolding], { nullable: true })
  @Directive('@external')
  childDeathReviewHoldings?: ChildRecordHolding[] | null;

  // The reviews subgraph's serious incident notifications and rapid reviews naming the child.
  @Field(() => [ChildRecordHolding], { nullable: true })
  @Directive('@external')
  seriousIncidentHoldings?: ChildRecordHolding[] | null;

  static of(key: string): Child {
    return Object.assign(new Child(), { key });
  }
}

/** One organisation's part in a child's records: who, in what part, since when, and how to reach them. */
@ObjectType({
  description:
    "An organisation involved with a child: the kind of record it holds and its dates, never the record's content (Working Together 2023 ch. 2: information sharing)",
})
export class ChildInvolvement {
  @Field(() => ChildInvolvementKind)
  involvement!: ChildInvolvementKind;

  @Field(() => ChildHolderKind)
  organisationKind!: ChildHolderKind;

  @Field(() => AgencyStub, {
    nullable: true,
    description: 'The agency involved (ask for its contacts: front door, emergency duty team); null for a school',
  })
  agency!: AgencyStub | null;

  @Field(() => SchoolStub, {
    nullable: true,
    description: 'The school involved (ask for its safeguardingLeads); null for an agency',
  })
  school!: SchoolStub | null;

  @Field(() => DateScalar, { description: 'The first such record began on this day' })
  since!: string;

  @Field(() => DateScalar, { description: 'The latest such record began on this day' })
  latest!: string;

  @Field({ description: "True for the caller's own organisation" })
  yourOrganisation!: boolean;
}

export const ChildInvolvementConnection = connectionOf<ChildInvolvement>(
  () => ChildInvolvement,
  'ChildInvolvement',
  'A page of the organisations involved with a child, the earliest involvement first',
);

/**
 * Why an organisation holding no record about a child looks at the picture. Each is a purpose the
 * safeguarding condition covers (DPA 2018 Sch 1 para 18; Working Together 2023 ch. 2), and each
 * such look is told to the child's home local authority and the organisations holding records.
 */
export enum ChildPictureReason {
  /** Out of hours, the emergency duty team acting on a child at risk now. */
  EMERGENCY_DUTY = 'EMERGENCY_DUTY',
  /** A strategy discussion about significant harm (Children Act 1989 s47; Working Together 2023 ch. 4). */
  STRATEGY_DISCUSSION = 'STRATEGY_DISCUSSION',
  /** A section 47 enquiry under way (Children Act 1989 s47); allowed only where a partnership configures it. */
  SECTION_47_ENQUIRY = 'SECTION_47_ENQUIRY',
}
registerEnumType(ChildPictureReason, {
  name: 'ChildPictureReason',
  description: "The reason for looking at a child's picture without holding a record about the child",
});

/** One look at a child's picture, as the home local authority reads them. */
@ObjectType({
  description: "A look at a child's picture: who, when, and the reason given (the audit trail has every one)",
})
export class ChildPictureLook {
  @Field({ description: 'ISO 8601 instant, UTC' })
  at!: string;

  @Field({ description: "The subject of the looker's token" })
  subject!: string;

  @Field({ description: "The looker's organisation (agency id or school URN)" })
  organisationId!: string;

  @Field()
  organisationKind!: string;

  @Field(() => AuditAction, { description: 'READ by an organisation holding a record; ALERT for a look with a reason' })
  action!: AuditAction;

  @Field(() => AuditOutcome)
  outcome!: AuditOutcome;

  @Field(() => ChildPictureReason, { nullable: true })
  reason!: ChildPictureReason | null;
}

/** The kind of record a chronology entry stands for, and so the subgraph it comes from. */
export enum ChildRecordKind {
  /** A referral to children's social care (escalations). */
  REFERRAL = 'REFERRAL',
  /** A child-protection file passing between schools (schools; KCSIE). */
  CHILD_PROTECTION_FILE_TRANSFER = 'CHILD_PROTECTION_FILE_TRANSFER',
  /** A child death review (reviews; Children Act 2004 s16M). */
  CHILD_DEATH_REVIEW = 'CHILD_DEATH_REVIEW',
  /** A serious child safeguarding incident notification naming the child (reviews; Children Act 2004 s16C). */
  SERIOUS_INCIDENT_NOTIFICATION = 'SERIOUS_INCIDENT_NOTIFICATION',
  /** The rapid review of that incident (reviews; Working Together 2023 ch. 5). */
  RAPID_REVIEW = 'RAPID_REVIEW',
  /** A professional disagreement naming the child (escalations; Working Together 2023 ch. 2). */
  PROFESSIONAL_DISAGREEMENT = 'PROFESSIONAL_DISAGREEMENT',
}
registerEnumType(ChildRecordKind, {
  name: 'ChildRecordKind',
  description: 'The kind of record, which names the subgraph holding it',
});

/** One record about the child, on the day it began, naming who holds it. */
@ObjectType({
  description:
    "One event in a child's chronology: its day, its kind and the organisations holding it. A restricted entry says only that a record exists at those organisations",
})
export class ChildChronologyEntry {
  @Field(() => DateScalar)
  on!: string;

  @Field(() => ChildRecordKind)
  record!: ChildRecordKind;

  @Field(() => [AgencyStub], {
    nullable: true,
    description: "The agencies holding the record: at most two, the record's own parties",
  })
  agencies!: AgencyStub[];

  @Field(() => [SchoolStub], {
    nullable: true,
    description: "The schools holding the record: at most two, the record's own parties",
  })
  schools!: SchoolStub[];

  @Field({
    description:
      "True when you may not read the record under its holder's rules: a record exists at these organisations, and nothing more is said",
  })
  restricted!: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      'The record, to read through referral(id), professionalDisagreement(id), fileTransfer(id), childDeathReview(id), seriousIncidentNotification(id) or rapidReview(id); null when restricted',
  })
  recordId!: string | null;

  // The chronology's order: day, kind, id.
  sortKey!: readonly string[];
}

export const ChildChronologyConnection = connectionOf<ChildChronologyEntry>(
  () => ChildChronologyEntry,
  'ChildChronologyEntry',
  "A page of a child's chronology, oldest first",
);
