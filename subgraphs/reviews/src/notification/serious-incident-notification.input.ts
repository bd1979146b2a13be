import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { ChildSex } from './serious-incident-notification.entity';

@InputType({ description: 'A child of the incident, by pseudonymous reference' })
export class NotifiedChildInput {
  @Field({ description: 'Pseudonymous reference; never a name' })
  reference!: string;

  @Field(() => Int, { description: 'Age in whole years (a care leaver: 18 to 24)' })
  ageYears!: number;

  @Field(() => ChildSex)
  sex!: ChildSex;

  @Field({ description: 'DfE census ethnicity code (WBRI, WIRI, MWBC, ABAN, BCRB, CHNE, REFU, NOBT, ...)' })
  ethnicity!: string;

  @Field()
  onChildProtectionPlan!: boolean;

  @Field()
  lookedAfter!: boolean;
}

@InputType({ description: 'The notification criteria met; the combination is validated' })
export class NotificationCriteriaInput {
  @Field({ defaultValue: false })
  death!: boolean;

  @Field({ defaultValue: false })
  seriousHarm!: boolean;

  @Field({ defaultValue: false })
  abuseOrNeglectKnownOrSuspected!: boolean;

  @Field({ defaultValue: false })
  lookedAfterChildDeath!: boolean;

  @Field({ defaultValue: false })
  careLeaverDeath!: boolean;

  @Field(() => Int, { nullable: true, description: "Required for a care leaver's death: 18 to 24" })
  careLeaverAgeAtDeath?: number | null;
}

/*
 * The partners told are the notifying partnership's own safeguarding partners (an LA, ICB and police
 * force per area) plus any other agency involved: 50 is far above a real notification, and keeps
 * what one notification stores, and every answer repeats, bounded (issue 12, item 8).
 */
export const partnersToldLimit = 50;

/* One notification covers a single incident; more children than this are notified as linked incidents. */
export const notifiedChildrenLimit = 4;

@InputType({ description: 'A safeguarding partner told of the incident' })
export class PartnerToldInput {
  @Field(() => ID, { description: "The partner's Agency id" })
  organisationId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was told; omit if not yet' })
  toldOn?: string | null;
}

@InputType({ description: 'A serious child safeguarding incident notification; DRAFT unless dateNotified is given' })
export class NotifySeriousIncidentInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field({ description: 'GSS code of the notifying local authority (a terminated code resolves through its DfE code)' })
  localAuthorityGssCode!: string;

  @Field({ description: 'Pseudonymous incident reference' })
  caseReference!: string;

  @Field(() => DateScalar)
  dateAware!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it was sent, if it has been' })
  dateNotified?: string | null;

  @Field(() => [NotifiedChildInput], {
    description: `The children the incident concerns: at least one, at most ${notifiedChildrenLimit}`,
  })
  children!: NotifiedChildInput[];

  @Field(() => NotificationCriteriaInput)
  criteria!: NotificationCriteriaInput;

  @Field(() => [PartnerToldInput], {
    defaultValue: [],
    description: `Safeguarding partners told so far; at most ${partnersToldLimit}`,
  })
  partnersTold!: PartnerToldInput[];
}
