import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';
import { PartnershipReference } from '../external/partnership.type';
import { DesignationService } from './designation.service';

@Resolver(() => PartnershipReference)
export class PartnershipDesignationResolver {
  @FieldResolver(() => [Agency], { description: 'Agencies the partnership currently names as relevant agencies' })
  relevantAgencies(@Root() partnership: PartnershipReference, @Ctx() ctx: SubgraphContext): Promise<Agency[]> {
    return new DesignationService(ctx).relevantAgencies(partnership.id);
  }
}
