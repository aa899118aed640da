import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { PageInfoView } from '../shared/pagination';
import { DateTimeScalar } from '../shared/scalars';
import { WebhookDeliveryStatus } from './webhook-delivery.entity';
import type { WebhookDelivery } from './webhook-delivery.entity';
import type { WebhookSubscription } from './webhook-subscription.entity';

registerEnumType(OutboxEventType, {
  name: 'EventType',
  description: 'The state changes partners are told of (the outbox).',
  valuesConfig: {
    PERSON_REGISTERED: { description: 'A SPIP registered a person.' },
    REFERRAL_CREATED: { description: 'A referral (or a shelter request) was sent.' },
    REFERRAL_ACCEPTED: { description: 'The receiving structure accepted a referral.' },
    REFERRAL_DECLINED: { description: 'The receiving structure declined a referral.' },
    REFERRAL_STARTED: { description: 'The receiving structure started the support of a referral.' },
    REFERRAL_COMPLETED: { description: 'The receiving structure completed the support of a referral.' },
    REFERRAL_CANCELLED: { description: 'The sender cancelled a referral.' },
    FOLLOW_UP_OPENED: { description: 'A structure opened a follow-up of a person.' },
    FOLLOW_UP_CLOSED: { description: 'A structure closed its follow-up of a person.' },
    RIGHT_STEP_CHANGED: { description: 'The status of a right step changed.' },
    RIGHT_OBTAINED: { description: 'A right step became OBTAINED.' },
    PLACEMENT_MADE: { description: 'A person was placed in a housing place.' },
    PLACEMENT_ENDED: { description: 'A placement ended.' },
    APPOINTMENT_SCHEDULED: { description: 'An appointment was scheduled.' },
    APPOINTMENT_OUTCOME_RECORDED: { description: 'An appointment was recorded as held, missed or cancelled.' },
    CASE_NOTE_WRITTEN: { description: 'A case note was written.' },
    CONSENT_RECORDED: { description: 'A consent was recorded.' },
    CONSENT_REVOKED: { description: 'A consent was revoked.' },
    TRANSFER_REQUESTED: { description: 'A SPIP asked another to take a file over.' },
    TRANSFER_ACCEPTED: { description: 'The receiving SPIP accepted a transfer.' },
    TRANSFER_REFUSED: { description: 'The receiving SPIP refused a transfer.' },
    FILE_CLOSED: { description: 'The holding SPIP closed a file.' },
  },
});
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or its next one.' },
    SENDING: { description: 'An attempt is under way.' },
    DELIVERED: { description: 'The endpoint answered 2xx within 10 seconds.' },
    FAILED: { description: 'Not delivered within the retry window (at least 24 hours).' },
    WITHHELD: { description: 'Never sent: the structure may no longer see the record. Such deliveries are never listed.' },
  },
});

@ObjectType('WebhookSubscription', { description: 'An endpoint of a partner system, told of events its structure may see.' })
export class WebhookSubscriptionView {
  @Field(() => ID, { description: "The subscription's id." })
  id!: string;

  @Field(() => String, { description: 'The endpoint deliveries are posted to.' })
  url!: string;

  @Field(() => [OutboxEventType], { description: 'The event types delivered to it.' })
  eventTypes!: OutboxEventType[];

  @Field(() => Boolean, { description: 'False once deleted.' })
  active!: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Since when deliveries fail for the whole retry window; null when they arrive.' })
  failingSince!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the subscription was created.' })
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
  @Field(() => WebhookSubscriptionView, { description: 'The new subscription.' })
  subscription!: WebhookSubscriptionView;

  @Field(() => String, { description: 'whsec_ + base64: the key of the Standard Webhooks signatures.' })
  secret!: string;
}

@ObjectType('WebhookDelivery', { description: 'One event for one subscription; its id is the webhook-id of every attempt.' })
export class WebhookDeliveryView {
  @Field(() => ID, { description: "The delivery's id: the webhook-id header of every attempt, for the receiver to drop repeats." })
  id!: string;

  @Field(() => ID, { description: 'The outbox event delivered.' })
  eventId!: string;

  @Field(() => OutboxEventType, { description: 'The type of the event delivered.' })
  eventType!: OutboxEventType;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt; null when none answered.' })
  lastStatusCode!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a 2xx answer came; null until then.' })
  deliveredAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due; null when none is.' })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeScalar, { description: 'When the event was queued for this subscription.' })
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

@ObjectType('WebhookDeliveryEdge', { description: 'One delivery of a page, with its position.' })
export class WebhookDeliveryEdgeView {
  @Field(() => String, { description: "The delivery's position in the list: give it as after to continue from there." })
  cursor!: string;

  @Field(() => WebhookDeliveryView, { description: 'The webhook delivery.' })
  node!: WebhookDeliveryView;
}

@ObjectType('WebhookDeliveryConnection', { description: "A page of a subscription's deliveries, newest first." })
export class WebhookDeliveryConnectionView {
  @Field(() => [WebhookDeliveryEdgeView], { description: 'The deliveries of this page, each with its cursor.' })
  edges!: WebhookDeliveryEdgeView[];

  @Field(() => PageInfoView, { description: 'Where the page stands in the list, and how to ask for the next one.' })
  pageInfo!: PageInfoView;
}
