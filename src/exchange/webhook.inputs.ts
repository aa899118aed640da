import { ArrayMaxSize, ArrayMinSize, ArrayUnique, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OutboxEventType } from '../outbox/outbox-event.entity';

@InputType('CreateWebhookSubscriptionInput', { description: 'An endpoint of a partner system and the events it is to be told of.' })
export class CreateWebhookSubscriptionInput {
  @Field(() => String, { description: 'https (in development also http on 127.0.0.1 or localhost).' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url!: string;

  @Field(() => [OutboxEventType], { description: 'The event types to deliver: at least one, at most 50, none twice.' })
  @ArrayMinSize(1, { message: 'eventTypes must name at least one event type' })
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'eventTypes must not repeat a type' })
  eventTypes!: OutboxEventType[];
}
