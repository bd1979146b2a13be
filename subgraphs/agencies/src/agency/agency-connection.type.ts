import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { defaultPageSize, maxPageSize } from '@safeguarding/shared';
import { Agency, AgencyKind } from './agency.entity';

@ArgsType()
export class AgenciesArgs {
  @Field(() => Int, { defaultValue: defaultPageSize, description: `How many agencies to return, 1 to ${maxPageSize}` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page' })
  after?: string | null;

  @Field(() => AgencyKind, { nullable: true })
  kind?: AgencyKind | null;
}

@ObjectType({ description: 'Where a page of agencies ends' })
export class AgencyPageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType({ description: 'A page of agencies, by name then id; totalCount is counted only when asked for' })
export class AgencyConnection {
  // Counted only when the client selects totalCount, so a page costs the same whatever the total.
  count!: () => Promise<number>;

  @Field(() => [Agency])
  nodes!: Agency[];

  @Field(() => AgencyPageInfo)
  pageInfo!: AgencyPageInfo;
}
