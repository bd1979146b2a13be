import { Field, ID, InputType } from 'type-graphql';
import { webhookEventTypes } from './webhook-event-types';

@InputType({ description: 'An endpoint to register for your organisation, or for a partnership you administer' })
export class RegisterWebhookEndpointInput {
  @Field({ description: 'HTTPS URL (in production: a public address only)' })
  url!: string;

  @Field(() => [String], {
    nullable: true,
    description: `Event types to receive: obligation.opened|changed|met|cancelled, the reminders obligation.due_soon|due_today|overdue|still_overdue, the domain events and webhook.endpoint_disabled; omitted or empty: all. Each once; at most ${webhookEventTypes.length}, the number there are`,
  })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Register for this partnership (its administrators) rather than your organisation',
  })
  partnershipId?: string | null;
}
