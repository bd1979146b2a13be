import { ArgsType, Field, ObjectType } from 'type-graphql';
import { DateScalar, DeadlineView, type ObligationKind } from '@safeguarding/shared';
import { ObligationKindEnum } from '../obligation-index/obligation.type';

@ArgsType()
export class DeadlinePreviewArgs {
  @Field(() => ObligationKindEnum)
  kind!: ObligationKind;

  @Field(() => DateScalar, { description: 'The day the clock starts (the event that starts it, in England)' })
  from!: string;
}

@ObjectType({
  description: 'What a statutory clock gives from a start date, by the same rule the graph records deadlines with',
})
export class DeadlinePreview {
  @Field(() => ObligationKindEnum)
  kind!: ObligationKind;

  @Field(() => DateScalar)
  from!: string;

  @Field(() => DeadlineView)
  deadline!: DeadlineView;

  @Field(() => String, {
    nullable: true,
    description: 'Where the rule is local practice: what a partnership may set, and the default used here',
  })
  localSetting!: string | null;
}
