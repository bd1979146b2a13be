import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar, DeadlineView } from '@safeguarding/shared';

/** KCSIE: one designated safeguarding lead per school, a senior leader, and any number of deputies. */
export enum SafeguardingLeadRole {
  DESIGNATED_SAFEGUARDING_LEAD = 'DESIGNATED_SAFEGUARDING_LEAD',
  DEPUTY = 'DEPUTY',
}
registerEnumType(SafeguardingLeadRole, {
  name: 'SafeguardingLeadRole',
  description: 'The designated safeguarding lead, or a deputy',
});

/** What a partnership looks for when it checks that a school can safeguard (DOMAIN.md §1, §3). */
export enum SchoolSafeguardingFlag {
  NO_DESIGNATED_SAFEGUARDING_LEAD = 'NO_DESIGNATED_SAFEGUARDING_LEAD',
  DSL_TRAINING_OVERDUE = 'DSL_TRAINING_OVERDUE',
}
registerEnumType(SchoolSafeguardingFlag, {
  name: 'SchoolSafeguardingFlag',
  description: "A gap in a school's safeguarding leadership",
});

/** A school's designated safeguarding lead or deputy: a named member of staff, not case data. */
@ObjectType({
  description: "A school's designated safeguarding lead or a deputy, with the date of their last DSL training",
})
@Entity('school_safeguarding_leads')
export class SafeguardingLead {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 6 })
  urn!: string;

  @Field()
  @Column('varchar', { length: 200 })
  name!: string;

  @Field(() => SafeguardingLeadRole)
  @Column('varchar', { length: 40 })
  role!: SafeguardingLeadRole;

  @Field(() => String, { nullable: true, description: 'Job title in the school, e.g. "Deputy headteacher"' })
  @Column('varchar', { length: 200, nullable: true })
  jobTitle!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 254, nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 30, nullable: true })
  phone!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date of the last DSL training; null if none is recorded',
  })
  @Column('date', { nullable: true })
  lastTrainedOn!: string | null;

  // Filled by the service from the calendar; not stored.
  @Field(() => DeadlineView, {
    nullable: true,
    description: 'Training to be refreshed within 2 years of the last (KCSIE); null when none is recorded',
  })
  trainingDue?: DeadlineView | null;

  @Field({ description: 'True when the last training is more than two years old, or none is recorded' })
  trainingOverdue?: boolean;
}
