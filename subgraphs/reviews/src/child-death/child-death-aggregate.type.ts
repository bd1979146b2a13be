import { Field, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '@safeguarding/shared';
import { CdopCategory, cdopCategories, type ChildDeathReview } from './child-death-review.entity';

/** Counts below this are never published (DOMAIN.md §6: small-number suppression). */
export const suppressionThreshold = 5;

@ObjectType({ description: 'A published count: null and suppressed when below 5, so no child can be singled out' })
export class SuppressibleCount {
  @Field(() => Int, { nullable: true })
  value!: number | null;

  @Field()
  suppressed!: boolean;

  static of(count: number, forceSuppress = false): SuppressibleCount {
    const suppressed = forceSuppress || count < suppressionThreshold;
    return Object.assign(new SuppressibleCount(), { value: suppressed ? null : count, suppressed });
  }
}

@ObjectType({ description: 'Deaths in one CDOP category' })
export class CdopCategoryCount {
  @Field(() => CdopCategory)
  category!: CdopCategory;

  @Field(() => SuppressibleCount)
  count!: SuppressibleCount;
}

@ObjectType({
  description: 'Child deaths of one local authority area in one calendar year of death, with small numbers suppressed',
})
export class ChildDeathAggregate {
  @Field()
  localAuthorityGssCode!: string;

  @Field()
  localAuthorityName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => SuppressibleCount, {
    description: 'Suppressed too whenever a non-zero cell is, so it cannot be subtracted back',
  })
  deaths!: SuppressibleCount;

  @Field(() => [CdopCategoryCount])
  byCategory!: CdopCategoryCount[];

  @Field(() => SuppressibleCount)
  awaitingPanelReview!: SuppressibleCount;

  @Field(() => SuppressibleCount)
  modifiableFactorsIdentified!: SuppressibleCount;

  @Field(() => SuppressibleCount)
  modifiableFactorsNotIdentified!: SuppressibleCount;
}

export const ChildDeathAggregateConnection = connectionOf<ChildDeathAggregate>(
  () => ChildDeathAggregate,
  'ChildDeathAggregate',
  'A page of local authority areas with child deaths in the year, by GSS code',
);

/**
 * Every cell below 5 is suppressed. The total is suppressed as well whenever any cell holding
 * 1 to 4 deaths is: otherwise total minus the shown cells would give the hidden count back.
 * (A suppressed zero can be inferred from a shown total; a zero singles no child out.)
 */
export function aggregateChildDeaths(
  year: number,
  area: { gssCode: string; name: string },
  reviews: readonly Pick<ChildDeathReview, 'category' | 'modifiableFactorsIdentified'>[],
): ChildDeathAggregate {
  const byCategory = cdopCategories.map((category) => ({
    category,
    n: reviews.filter((r) => r.category === category).length,
  }));
  const awaiting = reviews.filter((r) => r.category === null).length;
  const modifiable = reviews.filter((r) => r.modifiableFactorsIdentified === true).length;
  const notModifiable = reviews.filter((r) => r.modifiableFactorsIdentified === false).length;
  const hidden = (n: number) => n > 0 && n < suppressionThreshold;
  const anyHidden = [...byCategory.map((c) => c.n), awaiting, modifiable, notModifiable].some(hidden);
  return Object.assign(new ChildDeathAggregate(), {
    localAuthorityGssCode: area.gssCode,
    localAuthorityName: area.name,
    year,
    deaths: SuppressibleCount.of(reviews.length, anyHidden),
    byCategory: byCategory.map(({ category, n }) =>
      Object.assign(new CdopCategoryCount(), { category, count: SuppressibleCount.of(n) }),
    ),
    awaitingPanelReview: SuppressibleCount.of(awaiting),
    modifiableFactorsIdentified: SuppressibleCount.of(modifiable),
    modifiableFactorsNotIdentified: SuppressibleCount.of(notModifiable),
  });
}
