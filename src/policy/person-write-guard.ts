import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { doorIsOpen } from './person-write';

/** The EntityManagers of requests: their writes about persons go through the door. */
const guarded = new WeakSet<EntityManager>();

/** The person a changed entity is about: a Person itself, or an entity with a `person` relation. */
function personOf(name: string, entity: Record<string, unknown>, hasPerson: boolean): string | null {
  if (name === 'Person') return entity.id as string;
  if (!hasPerson) return null;
  const person = entity.person as { id?: string } | null | undefined;
  return person?.id ?? null;
}

/**
 * Makes the door the only way a request writes about a person: a flush of a request's
 * EntityManager that creates, changes or deletes a person's row, or a row that names a person,
 * outside a unit of work that locked that person and checked the mandate (person-write.ts)
 * throws before any SQL is sent; only a person created by the same flush needs no lock. Seeds, scripts and tests arranging data write on
 * EntityManagers of their own, which are not guarded.
 */
export class PersonWriteGuard implements EventSubscriber {
  /** Guards the writes of one request's EntityManager. */
  static guard(em: EntityManager): void {
    guarded.add(em);
  }

  onFlush(args: FlushEventArgs): void {
    const em = args.em as EntityManager;
    if (!guarded.has(em)) return;
    const changeSets = args.uow.getChangeSets();
    // Persons created by this flush (a registration, an import): no mandate on them can end meanwhile.
    const created = new Set(changeSets.filter((set) => set.name === 'Person' && set.type === ChangeSetType.CREATE).map((set) => (set.entity as { id: string }).id));
    for (const changeSet of changeSets) {
      const hasPerson = changeSet.meta.properties.person?.type === 'Person';
      const personId = personOf(changeSet.name, changeSet.entity as Record<string, unknown>, hasPerson);
      if (personId && !created.has(personId) && !doorIsOpen(em, personId)) {
        throw new Error(`${changeSet.name} (${changeSet.type}) about a person written outside the policy's write door (writeForPerson, writeRecord)`);
      }
    }
  }
}

/** Registers the guard once on an ORM's event manager (shared by its forks). */
export function installPersonWriteGuard(em: EntityManager): void {
  const events = em.getEventManager();
  if ([...events.getSubscribers()].some((subscriber) => subscriber instanceof PersonWriteGuard)) return;
  events.registerSubscriber(new PersonWriteGuard());
}
