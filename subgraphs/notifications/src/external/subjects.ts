import { createUnionType, Directive, Field, ID, ObjectType } from 'type-graphql';
import { PartnershipReference } from './partnership.type';
import { Identifying, type ObligationOrganisationKind } from '@safeguarding/shared';

/*
 * The entities an obligation may be about, held by other subgraphs and reached through the gateway:
 * here they are references by key alone, so the caller's fields on them come from their owner,
 * under the owner's own access rules and audit.
 */
function stub(name: string) {
  @ObjectType(name)
  @Directive('@key(fields: "id", resolvable: false)')
  class Stub {
    @Field(() => ID)
    id!: string;
  }
  Object.defineProperty(Stub, 'name', { value: `${name}Stub` });
  return Stub;
}

export const ReferralStub = stub('Referral');
export const ProfessionalDisagreementStub = stub('ProfessionalDisagreement');
export const NationalEscalationStub = stub('NationalEscalation');
export const SeriousIncidentNotificationStub = stub('SeriousIncidentNotification');
export const RapidReviewStub = stub('RapidReview');
export const PracticeReviewStub = stub('PracticeReview');
export const RecommendationStub = stub('Recommendation');
export const ReviewActionStub = stub('ReviewAction');
export const ChildDeathReviewStub = stub('ChildDeathReview');
export const YearlyReportStub = stub('YearlyReport');
export const AgencyStub = stub('Agency');

@ObjectType('School')
@Directive('@key(fields: "urn", resolvable: false)')
export class SchoolStub {
  @Identifying()
  @Field()
  urn!: string;
}

@ObjectType({
  description:
    "An entity the graph does not serve as a type of its own (a file transfer, a DSL's training): its kind and id",
})
export class OtherObligationSubject {
  @Field({ description: 'The kind of record, as its owning service names it' })
  type!: string;

  @Field(() => ID)
  id!: string;
}

type Subject = InstanceType<typeof ReferralStub> | SchoolStub | PartnershipReference | OtherObligationSubject;

const byType: Record<string, new () => { id: string }> = {
  Referral: ReferralStub,
  ProfessionalDisagreement: ProfessionalDisagreementStub,
  NationalEscalation: NationalEscalationStub,
  SeriousIncidentNotification: SeriousIncidentNotificationStub,
  RapidReview: RapidReviewStub,
  PracticeReview: PracticeReviewStub,
  Recommendation: RecommendationStub,
  ReviewAction: ReviewActionStub,
  ChildDeathReview: ChildDeathReviewStub,
  YearlyReport: YearlyReportStub,
  Agency: AgencyStub,
  Partnership: PartnershipReference,
};

/** The reference the gateway can follow, where the entity has a type in the graph; else its type and id. */
export function subjectOf(type: string, id: string): Subject {
  const Type = byType[type];
  if (Type) return Object.assign(new Type(), { id });
  if (type === 'School') return Object.assign(new SchoolStub(), { urn: id });
  return Object.assign(new OtherObligationSubject(), { type, id });
}

/** An organisation by the id obligations carry for it, typed by the kind its owner's event gave. */
export function organisationOf(
  id: string,
  kind: ObligationOrganisationKind | null,
): SchoolStub | InstanceType<typeof AgencyStub> {
  // Events sent before they carried the kind: only for those rows, the id's shape decides (a six-digit
  // number is a GIAS URN), as it did before.
  const school = kind === null ? /^\d{6}$/.test(id) : kind === 'SCHOOL';
  return school ? Object.assign(new SchoolStub(), { urn: id }) : Object.assign(new AgencyStub(), { id });
}

export const ObligationOrganisation = createUnionType({
  name: 'ObligationOrganisation',
  description:
    'An organisation that owes an obligation or is owed one: an agency or a school, served by its own service',
  types: () => [AgencyStub, SchoolStub] as const,
});

export const ObligationSubject = createUnionType({
  name: 'ObligationSubject',
  description: 'What an obligation is about: a record of the graph, fetched from the service that holds it',
  types: () =>
    [
      ReferralStub,
      ProfessionalDisagreementStub,
      NationalEscalationStub,
      SeriousIncidentNotificationStub,
      RapidReviewStub,
      PracticeReviewStub,
      RecommendationStub,
      ReviewActionStub,
      ChildDeathReviewStub,
      YearlyReportStub,
      AgencyStub,
      SchoolStub,
      PartnershipReference,
      OtherObligationSubject,
    ] as const,
});
