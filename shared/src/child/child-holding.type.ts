import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../scalars';

/** Whether the organisation holding a record about a child is an agency (by id) or a school (by URN). */
export enum ChildHolderKind {
  AGENCY = 'AGENCY',
  SCHOOL = 'SCHOOL',
}
registerEnumType(ChildHolderKind, {
  name: 'ChildHolderKind',
  description: 'Whether an agency (by id) or a school (by URN) holds the record',
});

/** The part an organisation plays in a child's records: the kind of record, never its content. */
export enum ChildInvolvementKind {
  /** It referred a concern about the child to children's social care (Working Together 2023, ch. 2). */
  REFERRAL_MADE = 'REFERRAL_MADE',
  /** Its children's social care received a referral about the child (Children Act 1989 s17/s47). */
  REFERRAL_RECEIVED = 'REFERRAL_RECEIVED',
  /** The school the child left, which sent the child-protection file (KCSIE). */
  CHILD_PROTECTION_FILE_SENT = 'CHILD_PROTECTION_FILE_SENT',
  /** The school the child joined, which receives the child-protection file (KCSIE). */
  CHILD_PROTECTION_FILE_RECEIVED = 'CHILD_PROTECTION_FILE_RECEIVED',
  /** A child death review partner reviewing the child's death (Children Act 2004 s16M; Child Death Review Statutory Guidance 2018). */
  CHILD_DEATH_REVIEW = 'CHILD_DEATH_REVIEW',
  /** The local authority that notified a serious child safeguarding incident about the child (Children Act 2004 s16C). */
  SERIOUS_INCIDENT_NOTIFIED = 'SERIOUS_INCIDENT_NOTIFIED',
  /** The local authority whose partnership holds a rapid review of that incident (Working Together 2023 ch. 5). */
  RAPID_REVIEW = 'RAPID_REVIEW',
  /** It raised a professional disagreement about the child (Working Together 2023 ch. 2: resolving disagreements). */
  DISAGREEMENT_RAISED = 'DISAGREEMENT_RAISED',
  /** Its decision or action about the child is disputed in such a disagreement. */
  DISAGREEMENT_RAISED_WITH = 'DISAGREEMENT_RAISED_WITH',
}
registerEnumType(ChildInvolvementKind, {
  name: 'ChildInvolvementKind',
  description: "The kind of an organisation's involvement with a child: which record it holds, never what it says",
});

export type ChildRecordHoldingFields = Pick<
  ChildRecordHolding,
  'organisationId' | 'organisationKind' | 'involvement' | 'on' | 'recordId' | 'readable'
> &
  Partial<Pick<ChildRecordHolding, 'partnershipId'>>;

/**
 * One record a subgraph holds about a child, reduced to who holds it, in what part, and since
 * when. Subgraphs hand these to the child's picture inside one request; none keeps another's.
 */
@ObjectType({ description: 'A record about a child reduced to its holder, kind and date (never its content)' })
@Directive('@shareable')
@Directive('@inaccessible')
export class ChildRecordHolding {
  @Field(() => ID, { description: 'The agency id or school URN holding the record' })
  organisationId!: string;

  @Field(() => ChildHolderKind)
  organisationKind!: ChildHolderKind;

  @Field(() => ChildInvolvementKind)
  involvement!: ChildInvolvementKind;

  @Field(() => DateScalar, { description: 'The day the record began (received, or the day the child left)' })
  on!: string;

  @Field(() => ID, { description: 'The record, for the chronology; shown to a caller only where readable' })
  recordId!: string;

  @Field({ description: "Whether the caller may read the record under the holding subgraph's own rules" })
  readable!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "The partnership whose record it is, where the record belongs to one: the child's home partnership",
  })
  partnershipId!: string | null;

  static of(fields: ChildRecordHoldingFields): ChildRecordHolding {
    return Object.assign(new ChildRecordHolding(), { partnershipId: null }, fields);
  }
}
