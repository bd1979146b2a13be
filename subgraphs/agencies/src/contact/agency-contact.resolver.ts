import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Policy } from '@safeguarding/shared';
import type { SubgraphContext } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';
import { AgencyContact } from './agency-contact.entity';
import { AgencyContactInput } from './agency-contact.input';
import { AgencyContactService } from './agency-contact.service';
import { LocalAuthorityFrontDoor } from './front-door.type';

@Resolver(() => Agency)
export class AgencyContactResolver {
  @FieldResolver(() => [AgencyContact], {
    description: 'Safeguarding contacts; a safeguarding lead is shown to signed-in callers only',
  })
  contacts(@Root() agency: Agency, @Ctx() ctx: SubgraphContext): Promise<AgencyContact[]> {
    return new AgencyContactService(ctx).ofAgency(agency.id);
  }

  @Policy({ who: 'anyone', why: 'the front door a professional refers to is published (Working Together 2023 ch. 2)' })
  @Query(() => LocalAuthorityFrontDoor, {
    nullable: true,
    description:
      'Where referrals for a local authority area go; a GSS code retired on reorganisation finds its successor by DfE code',
  })
  frontDoorFor(
    @Arg('localAuthorityGssCode') localAuthorityGssCode: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LocalAuthorityFrontDoor | null> {
    return new AgencyContactService(ctx).frontDoorFor(localAuthorityGssCode);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => AgencyContact, {
    description:
      "Sets a contact of an agency: its own staff, or administrators of a partnership that names it as a relevant agency (a local authority's front door and emergency duty team: its own staff only)",
  })
  setAgencyContact(
    @Arg('input') input: AgencyContactInput,
    @Arg('agencyId', () => ID) agencyId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AgencyContact> {
    return new AgencyContactService(ctx).set(agencyId, input);
  }
}
