import { Field, Int, ObjectType } from 'type-graphql';
import { maxPageSize } from '@safeguarding/shared';
import { School } from './school.entity';

/**
 * Designating by LA code names every open school of up to 20 authorities, thousands of them: the
 * answer says how many and shows a page, and Partnership.schools pages through the rest (issue 12,
 * item 8: every list bounded).
 */
export const designatedSchoolsShown = maxPageSize;

@ObjectType({ description: 'What one designateSchools call did' })
export class SchoolsDesignated {
  @Field(() => Int, {
    description: 'How many schools the call named, all now designated (including any designated already)',
  })
  totalCount!: number;

  @Field(() => [School], {
    description: `The first ${designatedSchoolsShown} of them by URN; Partnership.schools pages through all of them`,
  })
  schools!: School[];

  @Field({ description: `Whether the call named more than the ${designatedSchoolsShown} schools listed` })
  hasMore!: boolean;
}
