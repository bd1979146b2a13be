import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionOf, PageArgs } from '@safeguarding/shared';
import { webhookDeliveryStatuses, type WebhookDeliveryStatus } from './webhook-delivery.entity';
import { webhookEndpointStatuses, type WebhookEndpointStatus } from './webhook-endpoint.entity';

export const WebhookEndpointStatusEnum = Object.fromEntries(webhookEndpointStatuses.map((s) => [s, s])) as {
  [K in WebhookEndpointStatus]: K;
};
registerEnumType(WebhookEndpointStatusEnum, {
  name: 'WebhookEndpointStatus',
  description: 'DISABLED after a run of failed attempts, or by its owner',
});

export const WebhookDeliveryStatusEnum = Object.fromEntries(webhookDeliveryStatuses.map((s) => [s, s])) as {
  [K in WebhookDeliveryStatus]: K;
};
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING until an attempt succeeds, or FAILED once the retries (about three days) are spent',
});

@ObjectType({ description: 'One message to one endpoint, with the outcome of its last attempt' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The `webhook-id` header: the same for every attempt and redelivery' })
  id!: string;

  @Field()
  eventType!: string;

  @Field(() => WebhookDeliveryStatusEnum)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: 'When it will be tried again, while PENDING (ISO 8601 instant, UTC)',
  })
  nextAttemptAt!: string | null;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status at the last attempt" })
  lastResponseCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (timeout, refused address, status)',
  })
  lastError!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant, UTC' })
  lastAttemptAt!: string | null;

  @Field({ description: 'ISO 8601 instant, UTC' })
  createdAt!: string;
}

export const WebhookDeliveryConnection = connectionOf<WebhookDelivery>(
  () => WebhookDelivery,
  'WebhookDelivery',
  'Deliveries to one endpoint, newest first',
);
export type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

@ObjectType({ description: 'An HTTPS endpoint that receives events signed by the Standard Webhooks scheme' })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation that registered it, unless a partnership did' })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The partnership it was registered for, if any' })
  partnershipId!: string | null;

  @Field(() => [String], { description: 'The event types it receives; empty means all' })
  eventTypes!: string[];

  @Field(() => WebhookEndpointStatusEnum)
  status!: WebhookEndpointStatus;

  @Field(() => Int, { description: 'Attempts that failed since the last that succeeded' })
  consecutiveFailures!: number;

  @Field(() => String, { nullable: true })
  disabledReason!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant, UTC' })
  disabledAt!: string | null;

  @Field({ description: 'ISO 8601 instant, UTC' })
  createdAt!: string;
}

export const WebhookEndpointConnection = connectionOf<WebhookEndpoint>(
  () => WebhookEndpoint,
  'WebhookEndpoint',
  'Webhook endpoints, oldest first',
);
export type WebhookEndpointConnection = InstanceType<typeof WebhookEndpointConnection>;

@ObjectType({ description: 'A new endpoint and its signing secret, shown this once' })
export class RegisteredWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: 'The `whsec_…` secret to verify signatures with; it is not shown again' })
  secret!: string;
}

@ArgsType()
export class WebhookEndpointsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "A partnership's endpoints (its administrators); omitted: your organisation's",
  })
  partnershipId?: string | null;
}
