import { createUnionType, Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Capability, organisationKinds, Role, type OrganisationKind, Identifying } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';
import { PartnershipReference } from '../external/partnership.type';

export const OrganisationKindEnum = Object.fromEntries(organisationKinds.map((kind) => [kind, kind])) as {
  [K in OrganisationKind]: K;
};
registerEnumType(OrganisationKindEnum, {
  name: 'OrganisationKind',
  description: 'The kind of organisation a caller acts for',
});

/** A school held by the schools subgraph; the viewer names it, the schools subgraph answers for it. */
@ObjectType('School')
@Directive('@key(fields: "urn", resolvable: false)')
export class ViewerSchool {
  @Identifying()
  @Field({ description: 'Unique Reference Number from Get Information About Schools: 6 digits' })
  urn!: string;

  static of(urn: string): ViewerSchool {
    return Object.assign(new ViewerSchool(), { urn });
  }
}

export const ViewerOrganisation = createUnionType({
  name: 'ViewerOrganisation',
  description:
    'The organisation the caller acts for: an agency (local authority, ICB, police force, relevant agency, national body) or a school',
  types: () => [Agency, ViewerSchool] as const,
  resolveType: (value) => (value instanceof ViewerSchool ? ViewerSchool : Agency),
});

export enum CallerKind {
  PERSON = 'PERSON',
  SYSTEM = 'SYSTEM',
}
registerEnumType(CallerKind, {
  name: 'CallerKind',
  description: 'A person, or a system calling with an OAuth 2.0 client-credentials token',
});

@ObjectType({
  description:
    'Who is calling, as the verified token says: start here to find your organisation, partnerships and what you may do',
})
// Keyed so the schools subgraph can add the caller's delegations; only the caller's own subject resolves there.
@Directive('@key(fields: "subject", resolvable: false)')
export class Viewer {
  @Field(() => CallerKind)
  kind!: CallerKind;

  @Field(() => String, { nullable: true, description: "A system's OAuth 2.0 client id; null for a person" })
  clientId!: string | null;

  @Field(() => [String], {
    description:
      "A system's scopes, as its token grants them (each mutation needs its subgraph's `<name>:write`, referrals `referrals:write`, reads `read`); empty for a person, whose roles alone apply",
  })
  scopes!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The person a system says it acts for (the token's sub beside act, RFC 8693); null otherwise",
  })
  actingFor!: string | null;

  @Field({ description: "The token's subject: the person, or the system acting for the organisation" })
  subject!: string;

  @Field(() => OrganisationKindEnum)
  organisationKind!: OrganisationKind;

  @Field({ description: "The organisation's id as records hold it: an agency id, or a school's URN" })
  organisationId!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [Capability], {
    description:
      "What your roles allow; every record still checks that you act for its organisation or partnership. What you may do for each school you act for, a supplier's delegations included, is in schoolsActedFor",
  })
  capabilities!: Capability[];

  @Field(() => [PartnershipReference], {
    nullable: true,
    description: 'The safeguarding partnerships you act in (Children Act 2004 s16E arrangements)',
  })
  partnerships!: PartnershipReference[];
}
