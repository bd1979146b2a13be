import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { SetSchoolCalendarInput } from './school-calendar.input';
import { SchoolCalendarService } from './school-calendar.service';
import { SchoolClosureDay } from './school-closure-day.entity';

@Resolver(() => School)
export class SchoolCalendarResolver {
  @FieldResolver(() => [SchoolClosureDay], { description: "The school's closure days; its school-day clocks skip them" })
  closureDays(@Root() school: School, @Ctx() ctx: SubgraphContext): Promise<SchoolClosureDay[]> {
    return new SchoolCalendarService(ctx).closures(school.urn);
  }

  @Mutation(() => [SchoolClosureDay], { description: "Sets the school's closure days in a date range (replacing those in it): its DSL or safeguarding manager, or administrators of a partnership that designates it or covers its local authority" })
  setSchoolCalendar(@Arg('input') input: SetSchoolCalendarInput, @Ctx() ctx: SubgraphContext): Promise<SchoolClosureDay[]> {
    return new SchoolCalendarService(ctx).set(input);
  }
}
