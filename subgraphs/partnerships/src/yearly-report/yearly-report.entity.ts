import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateScalar, DeadlineView } from '@safeguarding/shared';
import { Partnership } from '../partnership/partnership.entity';
import { ContentRequirement, YearlyReportContent } from './yearly-report.content';
import { YearlyReportStatus } from './yearly-report.deadlines';

/** One partnership's report on one financial year (1 April–31 March). */
@ObjectType({ description: "A partnership's yearly report on a financial year" })
@Directive('@key(fields: "id")')
@Entity('yearly_reports')
@Index(['partnershipId', 'financialYearStart'], { unique: true })
export class YearlyReport {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  partnershipId!: string;

  /** 2025 for the year 2025-26. */
  @Column('int')
  financialYearStart!: number;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 500, nullable: true })
  publicationUrl!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  sentToPanelOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Sent to Foundations, the What Works Centre' })
  @Column('date', { nullable: true })
  sentToFoundationsOn!: string | null;

  @Column('simple-json')
  contentPresent!: YearlyReportContent[];

  @Field({ description: 'A secure establishment in the area makes the restraint review required' })
  @Column('boolean', { default: false })
  hasSecureEstablishment!: boolean;

  @ManyToOne(() => Partnership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnershipId' })
  partnership?: Partnership;
}

@ObjectType({ description: 'One item of the content the yearly report must or should include' })
export class YearlyReportContentItem {
  @Field(() => YearlyReportContent)
  item!: YearlyReportContent;

  @Field(() => ContentRequirement)
  requirement!: ContentRequirement;

  @Field()
  description!: string;

  @Field()
  required!: boolean;

  @Field()
  present!: boolean;
}

@ObjectType({ description: 'Where a partnership stands on its yearly report for a year' })
export class YearlyReportCompliance {
  @Field(() => Partnership)
  partnership!: Partnership;

  @Field()
  financialYear!: string;

  @Field(() => YearlyReport, { nullable: true })
  report!: YearlyReport | null;

  @Field(() => YearlyReportStatus)
  status!: YearlyReportStatus;

  @Field(() => [String])
  reasons!: string[];

  @Field(() => DeadlineView)
  publicationDeadline!: DeadlineView;
}
