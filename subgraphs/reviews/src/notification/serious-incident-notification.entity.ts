import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { AgencyStub } from '../external/agency.type';
import { PartnershipReference } from '../external/partnership.type';

/** DRAFT while the local authority prepares it; SENT once notified (dateNotified recorded). */
export enum NotificationStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
}
registerEnumType(NotificationStatus, {
  name: 'SeriousIncidentNotificationStatus',
  description: 'DRAFT until sent to the Panel (or the Secretary of State and Ofsted); SENT with the date notified',
});

export enum NotificationRecipient {
  CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL = 'CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL',
  SECRETARY_OF_STATE = 'SECRETARY_OF_STATE',
  OFSTED = 'OFSTED',
}
registerEnumType(NotificationRecipient, {
  name: 'SeriousIncidentNotificationRecipient',
  description:
    "s16C incidents and looked-after children's deaths go to the Panel; a care leaver's death to the Secretary of State and Ofsted",
});

export enum ChildSex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  NOT_KNOWN = 'NOT_KNOWN',
}
registerEnumType(ChildSex, { name: 'NotifiedChildSex' });

/** The criteria a notification meets (DOMAIN.md §3, notification criteria). */
@ObjectType('SeriousIncidentCriteria', {
  description: 'The notification criteria met, as the local authority recorded them',
})
export class NotificationCriteria {
  @Field({ description: 'The child died' })
  death!: boolean;

  @Field({ description: 'The child was seriously harmed' })
  seriousHarm!: boolean;

  @Field({ description: 'Abuse or neglect is known or suspected' })
  abuseOrNeglectKnownOrSuspected!: boolean;

  @Field({ description: 'The death of a looked-after child: notified regardless of abuse or neglect' })
  lookedAfterChildDeath!: boolean;

  @Field({ description: 'The death of a care leaver up to age 24: goes to the Secretary of State and Ofsted' })
  careLeaverDeath!: boolean;

  @Field(() => Int, { nullable: true })
  careLeaverAgeAtDeath!: number | null;

  @Field({ description: 'Children Act 2004 s16C: abuse or neglect known or suspected AND death or serious harm' })
  section16CMet!: boolean;
}

/** A serious child safeguarding incident notified by the local authority (Children Act 2004 s16C). */
@ObjectType({ description: 'A serious child safeguarding incident notification (restricted)' })
@Directive('@key(fields: "id")')
@Entity('serious_incident_notifications')
export class SeriousIncidentNotification {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field({ description: "The partnership's pseudonymous reference for the incident; never a child's name" })
  @Column('varchar', { length: 40 })
  caseReference!: string;

  @Field({ description: 'GSS code of the notifying local authority as given (a terminated code is kept as given)' })
  @Column('varchar', { length: 9 })
  localAuthorityGssCode!: string;

  @Index()
  @Column('varchar', { length: 36 })
  localAuthorityId!: string;

  @Field(() => DateScalar, {
    description: 'When the local authority became aware of the incident (day 0 of the clock)',
  })
  @Column('date')
  dateAware!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the notification was sent; null while DRAFT' })
  @Column('date', { nullable: true })
  dateNotified!: string | null;

  @Field(() => NotificationStatus)
  @Column('varchar', { length: 8 })
  status!: NotificationStatus;

  @Column('boolean')
  death!: boolean;

  @Column('boolean')
  seriousHarm!: boolean;

  @Column('boolean')
  abuseOrNeglect!: boolean;

  @Column('boolean')
  lookedAfterChildDeath!: boolean;

  @Column('boolean')
  careLeaverDeath!: boolean;

  @Column('int', { nullable: true })
  careLeaverAgeAtDeath!: number | null;

  @Field(() => PartnershipReference, { nullable: true })
  partnership(): PartnershipReference {
    return PartnershipReference.of(this.partnershipId);
  }

  @Field(() => AgencyStub, { nullable: true, description: 'The notifying local authority' })
  localAuthority(): AgencyStub {
    return AgencyStub.of(this.localAuthorityId);
  }

  get section16CMet(): boolean {
    return this.abuseOrNeglect && (this.death || this.seriousHarm);
  }

  @Field(() => NotificationCriteria)
  criteria(): NotificationCriteria {
    return Object.assign(new NotificationCriteria(), {
      death: this.death,
      seriousHarm: this.seriousHarm,
      abuseOrNeglectKnownOrSuspected: this.abuseOrNeglect,
      lookedAfterChildDeath: this.lookedAfterChildDeath,
      careLeaverDeath: this.careLeaverDeath,
      careLeaverAgeAtDeath: this.careLeaverAgeAtDeath,
      section16CMet: this.section16CMet,
    });
  }

  @Field({
    description:
      "Whether a rapid review follows: s16C met or a looked-after child's death, not a care leaver's death alone",
  })
  rapidReviewRequired(): boolean {
    return this.section16CMet || this.lookedAfterChildDeath;
  }

  @Field(() => [NotificationRecipient], { description: 'Who the notification goes to' })
  routedTo(): NotificationRecipient[] {
    const recipients: NotificationRecipient[] = [];
    if (this.rapidReviewRequired()) recipients.push(NotificationRecipient.CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL);
    if (this.careLeaverDeath) recipients.push(NotificationRecipient.SECRETARY_OF_STATE, NotificationRecipient.OFSTED);
    return recipients;
  }
}

/** One of the (one to four) children of a notification, pseudonymous. */
@ObjectType({ description: 'A child named in a serious incident notification, by pseudonymous reference only' })
@Entity('notified_children')
@Index(['notificationId', 'position'], { unique: true })
export class NotifiedChild {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  notificationId!: string;

  /** Kept so every read of a child can be audited against its partnership. */
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => Int, { description: '1 to 4, in the order notified' })
  @Column('int')
  position!: number;

  @Field({ description: 'Pseudonymous reference; never a name or an NHS number' })
  @Column('varchar', { length: 40 })
  reference!: string;

  @Field(() => Int)
  @Column('int')
  ageYears!: number;

  @Field(() => ChildSex)
  @Column('varchar', { length: 10 })
  sex!: ChildSex;

  @Field({ description: 'DfE census ethnicity code, e.g. WBRI, MWBC, REFU, NOBT' })
  @Column('varchar', { length: 4 })
  ethnicityCode!: string;

  @Field()
  @Column('boolean')
  onChildProtectionPlan!: boolean;

  @Field()
  @Column('boolean')
  lookedAfter!: boolean;
}

/** A safeguarding partner the local authority told of the incident, and when. */
@ObjectType({
  description: 'A safeguarding partner told of the incident (within 5 working days of the LA becoming aware)',
})
@Entity('notification_partners_told')
@Index(['notificationId', 'organisationId'], { unique: true })
export class PartnerTold {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  notificationId!: string;

  @Column('varchar', { length: 36 })
  organisationId!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the partner was told; null until it is' })
  @Column('date', { nullable: true })
  toldOn!: string | null;

  /** The notification's day 0, kept so the deadline needs no second lookup. */
  @Column('date')
  dateAware!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When the partner itself says it was told, as it confirmed (Working Together 2023: partners told within 5 working days); null until it confirms',
  })
  @Column('date', { nullable: true })
  confirmedToldOn!: string | null;

  /** ISO instant of the partner's confirmation. */
  @Column('varchar', { length: 30, nullable: true })
  confirmedAt!: string | null;

  @Field({ description: 'Whether the partner has confirmed that it was told' })
  confirmed(): boolean {
    return this.confirmedToldOn !== null;
  }

  @Field(() => AgencyStub, {
    nullable: true,
    description: 'The partner organisation (ICB, police or another local authority)',
  })
  organisation(): AgencyStub {
    return AgencyStub.of(this.organisationId);
  }
}
