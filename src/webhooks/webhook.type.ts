import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { PageInfoView } from '../shared/pagination';
import { DateTimeScalar } from '../shared/scalars';
import { WebhookDeliveryStatus } from './webhook-delivery.entity';
import type { WebhookDelivery } from './webhook-delivery.entity';
import type { WebhookSubscription } from './webhook-subscription.entity';

registerEnumType(OutboxEventType, { name: 'EventType', description: 'The state changes partners are told of (the outbox).' });
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookSubscription', { description: 'An endpoint of a partner system, told of events its structure may see.' })
export class WebhookSubscriptionView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [OutboxEventType])
  eventTypes!: OutboxEventType[];

  @Field(() => Boolean, { description: 'False once deleted.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Since when deliveries fail for the whole retry window; null when they arrive.' })
  failingSince!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  static from(subscription: WebhookSubscription): WebhookSubscriptionView {
    return Object.assign(new WebhookSubscriptionView(), {
      id: subscription.id,
      url: subscription.url,
      eventTypes: subscription.eventTypes,
      active: subscription.deletedAt === null,
      failingSince: subscription.failingSince,
      createdAt: subscription.createdAt,
    });
  }
}

@ObjectType('WebhookSubscriptionCreated', { description: 'The signing secret is shown here once.' })
export class WebhookSubscriptionCreatedView {
  @Field(() => WebhookSubscriptionView)
  subscription!: WebhookSubscriptionView;

  @Field(() => String, { description: 'whsec_ + base64: the key of the Standard Webhooks signatures.' })
  secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One event for one subscription; its id is the webhook-id of every attempt.' })
export class WebhookDeliveryView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => OutboxEventType)
  eventType!: OutboxEventType;

  @Field(() => Int)
  attempts!: number;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  static from(delivery: WebhookDelivery): WebhookDeliveryView {
    return Object.assign(new WebhookDeliveryView(), {
      id: delivery.id,
      eventId: delivery.event.id,
      eventType: delivery.eventType,
      attempts: delivery.attempts,
      status: delivery.status,
      lastStatusCode: delivery.lastStatusCode,
      deliveredAt: delivery.deliveredAt,
      nextAttemptAt: delivery.nextAttemptAt,
      createdAt: delivery.createdAt,
    });
  }
}

@ObjectType('WebhookDeliveryEdge')
export class WebhookDeliveryEdgeView {
  @Field(() => String)
  cursor!: string;

  @Field(() => WebhookDeliveryView)
  node!: WebhookDeliveryView;
}

@ObjectType('WebhookDeliveryConnection', { description: 'Newest first.' })
export class WebhookDeliveryConnectionView {
  @Field(() => [WebhookDeliveryEdgeView])
  edges!: WebhookDeliveryEdgeView[];

  @Field(() => PageInfoView)
  pageInfo!: PageInfoView;
}
