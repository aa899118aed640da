import { ArrayMaxSize, ArrayMinSize, ArrayUnique, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OutboxEventType } from '../outbox/outbox-event.entity';

@InputType('CreateWebhookSubscriptionInput')
export class CreateWebhookSubscriptionInput {
  @Field(() => String, { description: 'https (in development also http on 127.0.0.1 or localhost).' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url!: string;

  @Field(() => [OutboxEventType])
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'eventTypes must not repeat a type' })
  eventTypes!: OutboxEventType[];
}
