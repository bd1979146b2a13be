import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { capabilitiesOf, type SubgraphContext, Policy } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';
import { AgencyService } from '../agency/agency.service';
import { PartnershipReference } from '../external/partnership.type';
import { CallerKind, Viewer, ViewerOrganisation, ViewerSchool } from './viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Policy({ who: 'anyone', why: 'tells the caller who it is; null when signed out' })
  @Query(() => Viewer, {
    nullable: true,
    description: 'Who you are, as your token says; null when the request carries no token',
  })
  viewer(@Ctx() ctx: SubgraphContext): Viewer | null {
    const identity = ctx.scope.identity;
    if (!identity) return null;
    return Object.assign(new Viewer(), {
      kind: identity.client ? CallerKind.SYSTEM : CallerKind.PERSON,
      clientId: identity.client?.id ?? null,
      scopes: [...(identity.client?.scopes ?? [])],
      actingFor: identity.client?.actingFor ?? null,
      subject: identity.subject,
      organisationKind: identity.organisation.kind,
      organisationId: identity.organisation.id,
      roles: [...identity.roles],
      capabilities: capabilitiesOf(identity),
      partnerships: identity.partnershipIds.map((id) => PartnershipReference.of(id)),
    });
  }

  @FieldResolver(() => ViewerOrganisation, {
    nullable: true,
    description:
      'Your organisation as the graph holds it; null if the register does not hold it (e.g. a national body)',
  })
  async organisation(@Root() viewer: Viewer, @Ctx() ctx: SubgraphContext): Promise<Agency | ViewerSchool | null> {
    if (viewer.organisationKind === 'SCHOOL') return ViewerSchool.of(viewer.organisationId);
    return new AgencyService(ctx).byId(viewer.organisationId);
  }
}
