import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  AuditAction,
  AuditOutcome,
  ChildHolderKind,
  ChildInvolvementKind,
  ChildRecordHolding,
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
