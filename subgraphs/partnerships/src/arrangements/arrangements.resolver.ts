import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { AgencyReference, DateScalar, PageArgs, type Connection, type SubgraphContext } from '@safeguarding/shared';
import { PublishedArrangementsConnection } from './arrangements-connection.type';
import { Partnership, StatutoryPartner } from '../partnership/partnership.entity';
import {
  EducationRepresentation,
  ForumLink,
  IndependentScrutiny,
  PublishedArrangements,
  SchoolReference,
} from './arrangements.entity';
import { PublishArrangementsInput } from './arrangements.input';
import { ArrangementsService } from './arrangements.service';

@ObjectType({ description: 'A lead partner\'s sign-off of a version of the arrangements' })
class ArrangementsSignOff {
  @Field(() => StatutoryPartner)
  partner!: StatutoryPartner;

  @Field(() => DateScalar)
  signedOn!: string;
}

@Resolver(() => PublishedArrangements)
export class ArrangementsResolver {
  @FieldResolver(() => [ArrangementsSignOff])
  async signOffs(@Root() arrangements: PublishedArrangements, @Ctx() ctx: SubgraphContext): Promise<ArrangementsSignOff[]> {
    const partners = await new ArrangementsService(ctx).partners(arrangements, arrangements.signOffs.map((s) => s.partnerId));
    return arrangements.signOffs.flatMap((signOff) => {
      const partner = partners.find((p) => p.id === signOff.partnerId);
      return partner ? [Object.assign(new ArrangementsSignOff(), { partner, signedOn: signOff.signedOn })] : [];
    });
  }

  @FieldResolver(() => [AgencyReference], { nullable: true, description: 'Agencies named as relevant agencies in this version' })
  relevantAgencies(@Root() arrangements: PublishedArrangements): AgencyReference[] {
    return arrangements.relevantAgencyIds.map((id) => AgencyReference.of(id));
  }

  @FieldResolver(() => [SchoolReference], { nullable: true, description: 'Schools named as relevant agencies in this version' })
  relevantSchools(@Root() arrangements: PublishedArrangements): SchoolReference[] {
    return arrangements.relevantSchoolUrns.map((urn) => Object.assign(new SchoolReference(), { urn }));
  }

  @FieldResolver(() => EducationRepresentation)
  education(@Root() arrangements: PublishedArrangements): EducationRepresentation {
    return Object.assign(new EducationRepresentation(), { strategic: arrangements.educationStrategic, operational: arrangements.educationOperational });
  }

  @FieldResolver(() => IndependentScrutiny)
  independentScrutiny(@Root() arrangements: PublishedArrangements): IndependentScrutiny {
    return Object.assign(new IndependentScrutiny(), {
      scrutineer: arrangements.scrutineer,
      functions: arrangements.scrutinyFunctions,
      reports: arrangements.scrutinyReports,
    });
  }

  @FieldResolver(() => [StatutoryPartner], { description: 'The LA and ICB as child death review partners' })
  childDeathReviewPartners(@Root() arrangements: PublishedArrangements, @Ctx() ctx: SubgraphContext): Promise<StatutoryPartner[]> {
    return new ArrangementsService(ctx).partners(arrangements, arrangements.childDeathReviewPartnerIds);
  }

  @FieldResolver(() => [ForumLink], { description: 'Links to other forums' })
  forums(@Root() arrangements: PublishedArrangements): ForumLink[] {
    return arrangements.forums.map((forum) => Object.assign(new ForumLink(), forum));
  }

  @Mutation(() => PublishedArrangements, { description: 'Publishes a new version of the arrangements' })
  publishArrangements(
    @Arg('partnershipId', () => ID) partnershipId: string,
    @Arg('input') input: PublishArrangementsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PublishedArrangements> {
    return new ArrangementsService(ctx).publish(partnershipId, input);
  }
}

@Resolver(() => Partnership)
export class PartnershipArrangementsResolver {
  @FieldResolver(() => PublishedArrangements, { nullable: true, description: 'The arrangements in force: the latest published version' })
  publishedArrangements(@Root() partnership: Partnership, @Ctx() ctx: SubgraphContext): Promise<PublishedArrangements | null> {
    return new ArrangementsService(ctx).current(partnership.id);
  }

  @FieldResolver(() => PublishedArrangementsConnection, { description: 'Every published version, newest first, a page at a time' })
  arrangementsHistory(@Root() partnership: Partnership, @Args() args: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Connection<PublishedArrangements>> {
    return new ArrangementsService(ctx).history(partnership.id, args);
  }
}
