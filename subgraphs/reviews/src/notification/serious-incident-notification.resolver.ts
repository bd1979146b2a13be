import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  DateScalar,
  DeadlineView,
  PageArgs,
  type Connection,
  type SubgraphContext,
  Policy,
} from '@safeguarding/shared';
import { SeriousIncidentNotificationConnection } from './serious-incident-notification-connection.type';
import { RapidReview } from '../rapid-review/rapid-review.entity';
import { RapidReviewService } from '../rapid-review/rapid-review.service';
import { NotifiedChild, PartnerTold, SeriousIncidentNotification } from './serious-incident-notification.entity';
import { NotifySeriousIncidentInput, PartnerToldInput } from './serious-incident-notification.input';
import { SeriousIncidentNotificationService } from './serious-incident-notification.service';

@Resolver(() => SeriousIncidentNotification)
export class SeriousIncidentNotificationResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => SeriousIncidentNotification, {
    nullable: true,
    description: 'A notification, if it exists and you may see it',
  })
  seriousIncidentNotification(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SeriousIncidentNotification | null> {
    return new SeriousIncidentNotificationService(ctx).byId(id);
  }

  @Policy({ who: 'signed-in' })
  @Query(() => SeriousIncidentNotificationConnection, {
    description:
      "The notifications you may see: every partnership's for the Panel, your own partnerships' for their staff, those your organisation was told of for a safeguarding partner's safeguarding leads (Working Together 2023); newest first, a page at a time",
  })
  seriousIncidentNotifications(
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<SeriousIncidentNotification>> {
    return new SeriousIncidentNotificationService(ctx).list(args);
  }

  @FieldResolver(() => [NotifiedChild], {
    description:
      "The one to four children, pseudonymous; empty for a safeguarding partner told of the incident that is not party to the case (not the Panel, not the partnership's staff)",
  })
  children(@Root() notification: SeriousIncidentNotification, @Ctx() ctx: SubgraphContext): Promise<NotifiedChild[]> {
    return new SeriousIncidentNotificationService(ctx).children(notification);
  }

  @FieldResolver(() => [PartnerTold], {
    description: 'The safeguarding partners told, each with its own 5-working-day deadline',
  })
  partnersTold(@Root() notification: SeriousIncidentNotification, @Ctx() ctx: SubgraphContext): Promise<PartnerTold[]> {
    return new SeriousIncidentNotificationService(ctx).partnersTold(notification);
  }

  @FieldResolver(() => DeadlineView, {
    description: 'Notification is due within 5 working days of the local authority becoming aware',
  })
  notificationDeadline(@Root() notification: SeriousIncidentNotification, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new SeriousIncidentNotificationService(ctx).deadline(notification);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether it was notified within 5 working days; null until sent',
  })
  notifiedOnTime(@Root() notification: SeriousIncidentNotification, @Ctx() ctx: SubgraphContext): boolean | null {
    return new SeriousIncidentNotificationService(ctx).notifiedOnTime(notification);
  }

  @FieldResolver(() => RapidReview, {
    nullable: true,
    description: 'The rapid review opened from this notification, if any',
  })
  rapidReview(
    @Root() notification: SeriousIncidentNotification,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RapidReview | null> {
    return new RapidReviewService(ctx).ofNotification(notification.id);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => SeriousIncidentNotification, {
    description: 'Records a serious incident notification (DRAFT unless dateNotified is given)',
  })
  notifySeriousIncident(
    @Arg('input') input: NotifySeriousIncidentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SeriousIncidentNotification> {
    return new SeriousIncidentNotificationService(ctx).notify(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => SeriousIncidentNotification, { description: 'Records that a DRAFT notification was sent, and when' })
  markSeriousIncidentNotified(
    @Arg('id', () => ID) id: string,
    @Arg('dateNotified', () => DateScalar) dateNotified: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SeriousIncidentNotification> {
    return new SeriousIncidentNotificationService(ctx).markSent(id, dateNotified);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => SeriousIncidentNotification, {
    description:
      'A safeguarding partner listed as told of the incident confirms when it was told (Working Together 2023: within 5 working days of the local authority becoming aware); its safeguarding leads only, once',
  })
  confirmToldOfSeriousIncident(
    @Arg('notificationId', () => ID) notificationId: string,
    @Arg('toldOn', () => DateScalar) toldOn: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SeriousIncidentNotification> {
    return new SeriousIncidentNotificationService(ctx).confirmTold(notificationId, toldOn);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => SeriousIncidentNotification, {
    description: 'Records that a safeguarding partner was told of the incident',
  })
  recordPartnerTold(
    @Arg('notificationId', () => ID) notificationId: string,
    @Arg('input') input: PartnerToldInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SeriousIncidentNotification> {
    return new SeriousIncidentNotificationService(ctx).recordPartnerTold(notificationId, input);
  }
}

@Resolver(() => PartnerTold)
export class PartnerToldResolver {
  @FieldResolver(() => DeadlineView, {
    description: 'The partner is told within 5 working days of the local authority becoming aware',
  })
  deadline(@Root() partner: PartnerTold, @Ctx() ctx: SubgraphContext): DeadlineView {
    return new SeriousIncidentNotificationService(ctx).partnerDeadline(partner);
  }
}
