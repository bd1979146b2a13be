import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';

/** Who to call: referrals route to a local authority's front door in hours and its emergency duty team out of hours. */
export enum AgencyContactRole {
  SAFEGUARDING_LEAD = 'SAFEGUARDING_LEAD',
  CHILDRENS_SOCIAL_CARE_FRONT_DOOR = 'CHILDRENS_SOCIAL_CARE_FRONT_DOOR',
  EMERGENCY_DUTY_TEAM = 'EMERGENCY_DUTY_TEAM',
}
registerEnumType(AgencyContactRole, {
  name: 'AgencyContactRole',
  description:
    "The safeguarding lead of any agency; for a local authority, its children's social care front door (in hours) and emergency duty team (out of hours)",
});

/** The roles only a local authority has. */
export const localAuthorityContactRoles: readonly AgencyContactRole[] = [
  AgencyContactRole.CHILDRENS_SOCIAL_CARE_FRONT_DOOR,
  AgencyContactRole.EMERGENCY_DUTY_TEAM,
];

/** One contact per agency and role; setting it again replaces it. */
@ObjectType({ description: 'How to reach an agency for safeguarding' })
@Entity('agency_contacts')
@Index(['agencyId', 'role'], { unique: true })
export class AgencyContact {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  agencyId!: string;

  @Field(() => AgencyContactRole)
  @Column('varchar', { length: 40 })
  role!: AgencyContactRole;

  @Field(() => String, { nullable: true, description: 'A person or team' })
  @Column('varchar', { length: 200, nullable: true })
  name!: string | null;

  @Field()
  @Column('varchar', { length: 30 })
  telephone!: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 254, nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'When it answers' })
  @Column('varchar', { length: 200, nullable: true })
  hours!: string | null;

  @Field(() => DateScalar, { description: 'When the contact was last set' })
  @Column('date')
  updatedOn!: string;
}
