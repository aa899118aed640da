import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { CreateWebhookSubscriptionInput } from './webhook.inputs';
import { webhookService } from './webhook.service';
import { WebhookDeliveryConnectionView, WebhookDeliveryView, WebhookSubscriptionCreatedView, WebhookSubscriptionView } from './webhook.type';

@Resolver(() => WebhookSubscriptionView)
export class WebhookResolver {
  @Query(() => [WebhookSubscriptionView], { description: "Your structure's webhook subscriptions (its administrator and its machine clients)." })
  webhookSubscriptions(@Ctx() ctx: RequestContext): Promise<WebhookSubscriptionView[]> {
    return webhookService.list(ctx);
  }

  @Mutation(() => WebhookSubscriptionCreatedView, { description: 'Events of these types, as your structure may see their records when delivered; the secret is shown once.' })
  createWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookSubscriptionInput, { description: "The endpoint's URL and the event types." }) input: CreateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionCreatedView> {
    return webhookService.create(ctx, input);
  }

  @Mutation(() => WebhookSubscriptionView, { description: 'Nothing more is delivered to it; its deliveries stay listed.' })
  deleteWebhookSubscription(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The subscription, of your structure.' }) id: string): Promise<WebhookSubscriptionView> {
    return webhookService.delete(ctx, id);
  }

  @Query(() => WebhookDeliveryConnectionView, { description: 'The deliveries of a subscription, newest first.' })
  webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('subscriptionId', () => ID, { description: 'The subscription, of your structure.' }) subscriptionId: string,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
  ): Promise<WebhookDeliveryConnectionView> {
    return webhookService.deliveries(ctx, subscriptionId, first, after ?? null);
  }

  @Mutation(() => WebhookDeliveryView, { description: 'Sends a delivery again, with the same webhook-id.' })
  redeliverWebhook(@Ctx() ctx: RequestContext, @Arg('deliveryId', () => ID, { description: "The delivery to send again, of one of your structure's subscriptions." }) deliveryId: string): Promise<WebhookDeliveryView> {
    return webhookService.redeliver(ctx, deliveryId);
  }
}
