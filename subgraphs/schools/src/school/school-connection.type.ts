import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { defaultPageSize, maxPageSize } from '@safeguarding/shared';
import { School, SchoolPhase } from './school.entity';

@ArgsType()
export class PartnershipSchoolsArgs {
  @Field(() => Int, { defaultValue: defaultPageSize, description: `How many schools to return, 1 to ${maxPageSize}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;

  @Field(() => SchoolPhase, { nullable: true })
  phase?: SchoolPhase | null;

  @Field(() => String, { nullable: true, description: 'GIAS type of establishment, e.g. "Academy converter"' })
  type?: string | null;

  @Field(() => String, { nullable: true, description: 'GIAS establishment type group, e.g. "Academies"' })
  typeGroup?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only schools with no designated safeguarding lead (signed-in callers)',
  })
  noDsl?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Only schools where a DSL or deputy's training is over two years old or unrecorded (signed-in callers)",
  })
  trainingOverdue?: boolean | null;
}

@ObjectType({ description: 'Where a page of schools ends' })
export class SchoolPageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ArgsType()
export class SchoolsArgs {
  @Field(() => Int, { defaultValue: defaultPageSize, description: `How many schools to return, 1 to ${maxPageSize}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Only the schools of one local authority (DfE 3-digit LA code)' })
  localAuthorityDfeCode?: string | null;
}

@ObjectType({ description: 'A page of schools, by name then URN; totalCount is counted only when asked for' })
export class SchoolConnection {
  // Counted only when the client selects totalCount (SchoolConnectionResolver), so a page costs the same whatever the total.
  count!: () => Promise<number>;

  @Field(() => [School])
  nodes!: School[];

  @Field(() => SchoolPageInfo)
  pageInfo!: SchoolPageInfo;
}
