import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's object identification: the types a client may refetch by id alone with `node(id)`.
 * Ids are UUIDs, unique across every table, so a Node's id is the id its own type already
 * exposes (no second, encoded id to learn). Objects are told apart by their class
 * (type-graphql resolves an interface by `instanceof`: every view is built with `new`).
 */
@InterfaceType('Node', {
  description: 'An object that can be fetched again by its id alone, with node(id), under the same access policy as its own query.',
})
export abstract class Node {
  @Field(() => ID, { description: 'The id, unique across every type of the API (a UUID).' })
  id!: string;
}
