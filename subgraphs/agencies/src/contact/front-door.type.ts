import { Field, ObjectType } from 'type-graphql';
import { Agency } from '../agency/agency.entity';
import { AgencyContact } from './agency-contact.entity';

/** Where a referral about a child living in a local authority area goes (DOMAIN.md §2: referrals). */
@ObjectType({ description: "A local authority's children's social care front door and emergency duty team" })
export class LocalAuthorityFrontDoor {
  @Field({ description: 'The GSS code asked about, possibly one retired on reorganisation' })
  requestedGssCode!: string;

  @Field({ description: "The local authority's current GSS code" })
  gssCode!: string;

  @Field(() => Agency)
  localAuthority!: Agency;

  @Field(() => AgencyContact, { nullable: true, description: "Children's social care front door, in office hours" })
  inHours!: AgencyContact | null;

  @Field(() => AgencyContact, { nullable: true, description: 'Emergency duty team, out of office hours' })
  outOfHours!: AgencyContact | null;
}
