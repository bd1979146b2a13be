import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar, PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { EscalationEventConnection } from '../escalation-event/escalation-event-connection.type';
import { NationalEscalationConnection } from '../national-escalation/national-escalation-connection.type';
import { ProfessionalDisagreementConnection } from '../disagreement/professional-disagreement-connection.type';
import { EscalationEvent } from '../escalation-event/escalation-event.entity';
import { NationalEscalation } from '../national-escalation/national-escalation.entity';
import { NationalEscalationService } from '../national-escalation/national-escalation.service';
import { EscalationReport } from '../reporting/escalation-report.type';
import { EscalationReportService } from '../reporting/escalation-report.service';
import { ProfessionalDisagreement } from '../disagreement/professional-disagreement.entity';
import { ProfessionalDisagreementService } from '../disagreement/professional-disagreement.service';
import { EscalationPolicy } from '../escalation-policy/escalation-policy.type';
import { EscalationPolicyService } from '../escalation-policy/escalation-policy.service';
import { ChildPicturePolicy } from '../child-picture-policy/child-picture-policy.entity';
import { ChildPicturePolicyService } from '../child-picture-policy/child-picture-policy.service';
import { PartnershipReference } from './partnership.type';

@Resolver(() => PartnershipReference)
export class PartnershipEscalationsResolver {
  @FieldResolver(() => EscalationPolicy, {
    nullable: true,
    description: 'The published escalation policy for professional disagreements; null until one is configured',
  })
  escalationPolicy(
    @Root() partnership: PartnershipReference,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationPolicy | null> {
    return new EscalationPolicyService(ctx).policyOf(partnership.id);
  }

  @FieldResolver(() => ChildPicturePolicy, {
    nullable: true,
    description:
      "The reasons its practitioners may state to see a child's picture without holding a record (local practice; emergency duty and strategy discussion by default)",
  })
  childPicturePolicy(
    @Root() partnership: PartnershipReference,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ChildPicturePolicy> {
    return new ChildPicturePolicyService(ctx).policyOf(partnership.id);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => ProfessionalDisagreementConnection, {
    nullable: true,
    description:
      'Professional disagreements in this partnership that you may see (restricted), most recently raised first, a page at a time',
  })
  escalations(
    @Root() partnership: PartnershipReference,
    @Arg('accessReason', () => String, {
      nullable: true,
      description:
        'Partnership staff: why you need the cases your organisation is not party to; recorded, and raises an alert per case',
    })
    accessReason: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<ProfessionalDisagreement>> {
    return new ProfessionalDisagreementService(ctx).ofPartnership(partnership.id, accessReason ?? null, args);
  }

  @Policy({ who: 'signed-in' })
  @FieldResolver(() => NationalEscalationConnection, {
    nullable: true,
    description:
      'Matters this partnership escalated to the Panel or the Secretary of State (its staff and the Panel), newest first, a page at a time',
  })
  nationalEscalations(
    @Root() partnership: PartnershipReference,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<NationalEscalation>> {
    return new NationalEscalationService(ctx).ofPartnership(partnership.id, args);
  }

  @FieldResolver(() => EscalationReport, {
    nullable: true,
    description:
      "Disagreements raised between from and to (both included), with their state today (partnership staff): exact counts of the partnership's own cases, or with published: true as it may be published in the yearly report or shared nationally, counts below 5 suppressed",
  })
  escalationReport(
    @Root() partnership: PartnershipReference,
    @Arg('to', () => DateScalar) to: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('published', () => Boolean, {
      defaultValue: false,
      description: 'Counts as they may be published or shared: below 5 suppressed',
    })
    published: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationReport> {
    return new EscalationReportService(ctx).report(partnership.id, from, to, published);
  }

  @FieldResolver(() => EscalationEventConnection, {
    nullable: true,
    description:
      'Learning recorded from disagreements between from and to, for the yearly report (partnership staff), in the order recorded, a page at a time',
  })
  escalationLearningNotes(
    @Root() partnership: PartnershipReference,
    @Arg('to', () => DateScalar) to: string,
    @Arg('from', () => DateScalar) from: string,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<EscalationEvent>> {
    return new ProfessionalDisagreementService(ctx).learningNotes(partnership.id, from, to, args);
  }
}
