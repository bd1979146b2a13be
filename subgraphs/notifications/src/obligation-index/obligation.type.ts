import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  DateScalar,
  DeadlineView,
  defaultPageSize,
  maxPageSize,
  obligationKinds,
  type ObligationKind,
} from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { ObligationOrganisation, ObligationSubject } from '../external/subjects';

/** The shared vocabulary of kinds (one for all six services) as a GraphQL enum. */
export const ObligationKindEnum = Object.fromEntries(obligationKinds.map((kind) => [kind, kind])) as {
  [K in ObligationKind]: K;
};
registerEnumType(ObligationKindEnum, {
  name: 'ObligationKind',
  description:
    'Which statutory or guidance clock an obligation runs on (Children Act 2004, Working Together 2023, KCSIE)',
});

/** Where an open obligation stands today (the Deadline's status while not done). */
export enum OpenDeadlineStatus {
  PENDING = 'PENDING',
  DUE_TODAY = 'DUE_TODAY',
  OVERDUE = 'OVERDUE',
}
registerEnumType(OpenDeadlineStatus, {
  name: 'OpenDeadlineStatus',
  description: 'An open obligation: not yet due, due today, or past its due date',
});

@ObjectType({
  description:
    'Who owes an obligation: an organisation (agency id or school URN) and, for a partnership duty, the partnership',
})
export class ObligationOwner {
  @Field(() => ID, { nullable: true, description: "The owing organisation: an agency's id or a school's URN" })
  organisationId!: string | null;

  @Field(() => ObligationOrganisation, {
    nullable: true,
    description: 'The owing organisation as its own service serves it (its name and contacts), where there is one',
  })
  organisation!: typeof ObligationOrganisation | null;

  @Field(() => PartnershipReference, {
    nullable: true,
    description: 'The partnership whose duty it is (Children Act 2004 s16E), where there is one',
  })
  partnership!: PartnershipReference | null;
}

@ObjectType({
  description:
    'A duty with a due date: what, about which record, owed by whom to whom, and the deadline with the rule that set it',
})
@Directive('@key(fields: "id")')
export class Obligation {
  @Field(() => ID)
  id!: string;

  @Field(() => ObligationKindEnum)
  kind!: ObligationKind;

  @Field(() => ObligationSubject, { description: 'The record the duty is about' })
  about!: typeof ObligationSubject;

  @Field(() => String, {
    nullable: true,
    description: 'Which one, where a record has several duties of one kind (a financial year, a stage)',
  })
  occurrence!: string | null;

  @Field(() => ObligationOwner)
  owner!: ObligationOwner;

  @Field({
    description:
      "To whom it is owed: NATIONAL_PANEL, FOUNDATIONS, SAFEGUARDING_PARTNERS, PARTNERSHIP, RECEIVING_SCHOOL, REFERRER, RAISING_ORGANISATION, SECRETARY_OF_STATE, CHILD_DEATH_REVIEW_PARTNERS, or an organisation's id",
  })
  owedTo!: string;

  @Field(() => ObligationOrganisation, {
    nullable: true,
    description: 'The organisation it is owed to, where `owedTo` is an organisation rather than a kind of body',
  })
  owedToOrganisation!: typeof ObligationOrganisation | null;

  @Field(() => DeadlineView)
  deadline!: DeadlineView;
}

@ObjectType({ description: 'Where a page of obligations ends' })
export class ObligationPageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType({
  description: 'Open obligations by where they stand today, for a dashboard (the filter applied, its statuses aside)',
})
export class DueCounts {
  @Field(() => Int)
  pending!: number;

  @Field(() => Int)
  dueToday!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'A page of open obligations, soonest due first; counted only when asked for' })
export class ObligationConnection {
  @Field(() => [Obligation])
  nodes!: Obligation[];

  @Field(() => ObligationPageInfo)
  pageInfo!: ObligationPageInfo;

  // Both from one aggregate statement, run only when totalCount or counts is selected.
  aggregate!: () => Promise<DueCounts>;
  statuses!: readonly OpenDeadlineStatus[] | null;
}

@InputType({ description: 'Narrows what is due; every field optional, all given must hold' })
export class WhatIsDueFilter {
  @Field(() => [ObligationKindEnum], {
    nullable: true,
    description: `Only these kinds; at most ${obligationKinds.length}, the number there are`,
  })
  kinds?: ObligationKind[] | null;

  @Field(() => [OpenDeadlineStatus], {
    nullable: true,
    description: `Only these, as of today in England; at most ${Object.keys(OpenDeadlineStatus).length}, the number there are`,
  })
  statuses?: OpenDeadlineStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only those due strictly before this date' })
  dueBefore?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only those owed by this organisation (an agency's id or a school's URN)",
  })
  ownerOrganisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the duties of this partnership' })
  ownerPartnershipId?: string | null;
}

@ArgsType()
export class WhatIsDueArgs {
  @Field(() => WhatIsDueFilter, { nullable: true })
  filter?: WhatIsDueFilter | null;

  @Field(() => Int, {
    defaultValue: defaultPageSize,
    description: `How many obligations to return, 1 to ${maxPageSize}`,
  })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;
}
