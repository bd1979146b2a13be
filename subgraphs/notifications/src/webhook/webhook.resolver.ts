import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection, type SubgraphContext, Policy } from '@safeguarding/shared';
import { RegisterWebhookEndpointInput } from './webhook.input';
import { WebhookService } from './webhook.service';
import {
  RegisteredWebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEndpointConnection,
  WebhookEndpointsArgs,
} from './webhook.type';

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Policy({ who: 'signed-in' })
  @Query(() => WebhookEndpointConnection, {
    description: "Your organisation's webhook endpoints, or a partnership's for its administrators",
  })
  webhookEndpoints(
    @Args() args: WebhookEndpointsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<WebhookEndpoint>> {
    return new WebhookService(ctx).endpoints(args);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'Its delivery log, newest first' })
  deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Connection<WebhookDelivery>> {
    return new WebhookService(ctx).deliveries(endpoint, args);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => RegisteredWebhookEndpoint, {
    description: 'Registers an endpoint for events (Standard Webhooks signatures); the secret is shown once',
  })
  registerWebhookEndpoint(
    @Arg('input') input: RegisterWebhookEndpointInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RegisteredWebhookEndpoint> {
    return new WebhookService(ctx).register(input);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => WebhookEndpoint, { description: 'Switches an endpoint on (its failure count starts again) or off' })
  setWebhookEndpointEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled') enabled: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WebhookEndpoint> {
    return new WebhookService(ctx).setEnabled(id, enabled);
  }

  @Policy({ who: 'signed-in' })
  @Mutation(() => WebhookDelivery, { description: 'Sends a delivery again, with the same webhook-id' })
  redeliverWebhook(
    @Arg('deliveryId', () => ID) deliveryId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WebhookDelivery> {
    return new WebhookService(ctx).redeliver(deliveryId);
  }
}
