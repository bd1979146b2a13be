import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { SetSchoolCalendarInput } from './school-calendar.input';
import { SchoolCalendarService } from './school-calendar.service';
import { SchoolClosureDay } from './school-closure-day.entity';
import { SchoolClosureDayConnection } from './school-closure-day-connection.type';

@Resolver(() => School)
export class SchoolCalendarResolver {
  @FieldResolver(() => SchoolClosureDayConnection, {
    description: "The school's closure days, in date order, a page at a time; its school-day clocks skip them",
  })
  closureDays(
    @Root() school: School,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<SchoolClosureDay>> {
    return new SchoolCalendarService(ctx).pageOf(school.urn, args);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => [SchoolClosureDay], {
    description:
      "Sets the school's closure days in a date range (replacing those in it) and answers the range's days: its DSL or safeguarding manager, or administrators of a partnership that designates it or covers its local authority",
  })
  setSchoolCalendar(
    @Arg('input') input: SetSchoolCalendarInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolClosureDay[]> {
    return new SchoolCalendarService(ctx).set(input);
  }
}
