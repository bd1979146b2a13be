import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { YearlyReportContent } from './yearly-report.content';

/** Each content item once: a longer list repeats one. */
export const yearlyReportContentLimit = Object.keys(YearlyReportContent).length;

@InputType()
export class RecordYearlyReportInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field({ description: 'e.g. "2025-26" (1 April 2025 to 31 March 2026)' })
  financialYear!: string;

  @Field({ defaultValue: false })
  hasSecureEstablishment!: boolean;
}

@InputType({ description: 'Only the fields given are changed' })
export class UpdateYearlyReportInput {
  @Field(() => DateScalar, { nullable: true })
  publishedOn?: string;

  @Field({ nullable: true })
  publicationUrl?: string;

  @Field(() => DateScalar, { nullable: true })
  sentToPanelOn?: string;

  @Field(() => DateScalar, { nullable: true })
  sentToFoundationsOn?: string;

  @Field(() => [YearlyReportContent], {
    nullable: true,
    description: `The contents the report holds, each once; at most ${yearlyReportContentLimit}, the number there are`,
  })
  contentPresent?: YearlyReportContent[];

  @Field({ nullable: true })
  hasSecureEstablishment?: boolean;
}
