import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import {
  AgencyReference,
  connection,
  DateScalar,
  PageArgs,
  pageInMemory,
  type Connection,
  type SortKey,
  type SubgraphContext,
  Policy,
  partnershipAdministratorRoles,
} from '@safeguarding/shared';
import {
  ArrangementsAgencyConnection,
  ArrangementsSchoolConnection,
  PublishedArrangementsConnection,
} from './arrangements-connection.type';
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

@ObjectType({ description: "A lead partner's sign-off of a version of the arrangements" })
class ArrangementsSignOff {
  @Field(() => StatutoryPartner)
  partner!: StatutoryPartner;

  @Field(() => DateScalar)
  signedOn!: string;
}

const agencyOrder: readonly SortKey<AgencyReference>[] = [{ column: 'id', value: (agency) => agency.id }];
const schoolOrder: readonly SortKey<SchoolReference>[] = [{ column: 'urn', value: (school) => school.urn }];

@Resolver(() => PublishedArrangements)
export class ArrangementsResolver {
  @FieldResolver(() => [ArrangementsSignOff])
  async signOffs(
    @Root() arrangements: PublishedArrangements,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ArrangementsSignOff[]> {
    const partners = await new ArrangementsService(ctx).partners(
      arrangements,
      arrangements.signOffs.map((s) => s.partnerId),
    );
    return arrangements.signOffs.flatMap((signOff) => {
      const partner = partners.find((p) => p.id === signOff.partnerId);
      return partner ? [Object.assign(new ArrangementsSignOff(), { partner, signedOn: signOff.signedOn })] : [];
    });
  }

  // The version's row holds its named agencies and schools (a snapshot of what was published), so
  // the page is cut from it in memory: the answer is bounded, with the same cursors as SQL pages.
  @FieldResolver(() => ArrangementsAgencyConnection, {
    nullable: true,
    description: 'Agencies named as relevant agencies in this version, by id, a page at a time',
  })
  relevantAgencies(@Root() arrangements: PublishedArrangements, @Args() args: PageArgs): Connection<AgencyReference> {
    const page = pageInMemory(
      'PublishedArrangements.relevantAgencies',
      arrangements.relevantAgencyIds.map((id) => AgencyReference.of(id)),
      args,
      agencyOrder,
    );
    return connection(ArrangementsAgencyConnection, page, page.count);
  }

  @FieldResolver(() => ArrangementsSchoolConnection, {
    nullable: true,
    description: 'Schools named as relevant agencies in this version, by URN, a page at a time',
  })
  relevantSchools(@Root() arrangements: PublishedArrangements, @Args() args: PageArgs): Connection<SchoolReference> {
    const schools = arrangements.relevantSchoolUrns.map((urn) => Object.assign(new SchoolReference(), { urn }));
    const page = pageInMemory('PublishedArrangements.relevantSchools', schools, args, schoolOrder);
    return connection(ArrangementsSchoolConnection, page, page.count);
  }

  @FieldResolver(() => EducationRepresentation)
  education(@Root() arrangements: PublishedArrangements): EducationRepresentation {
    return Object.assign(new EducationRepresentation(), {
      strategic: arrangements.educationStrategic,
      operational: arrangements.educationOperational,
    });
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
  childDeathReviewPartners(
    @Root() arrangements: PublishedArrangements,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StatutoryPartner[]> {
    return new ArrangementsService(ctx).partners(arrangements, arrangements.childDeathReviewPartnerIds);
  }

  @FieldResolver(() => [ForumLink], { description: 'Links to other forums' })
  forums(@Root() arrangements: PublishedArrangements): ForumLink[] {
    return arrangements.forums.map((forum) => Object.assign(new ForumLink(), forum));
  }

  @Policy({ who: partnershipAdministratorRoles, inPartnership: { arg: 'partnershipId' } })
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
  @FieldResolver(() => PublishedArrangements, {
    nullable: true,
    description: 'The arrangements in force: the latest published version',
  })
  publishedArrangements(
    @Root() partnership: Partnership,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PublishedArrangements | null> {
    return new ArrangementsService(ctx).current(partnership.id);
  }

  @FieldResolver(() => PublishedArrangementsConnection, {
    description: 'Every published version, newest first, a page at a time',
  })
  arrangementsHistory(
    @Root() partnership: Partnership,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<PublishedArrangements>> {
    return new ArrangementsService(ctx).history(partnership.id, args);
  }
}
