import { OneToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Person } from './person.entity';

/**
 * One data domain of one person: keyed by the person, versioned, so that the
 * domain is read, hidden, written and audited as a unit.
 */
export abstract class PersonDomainRow {
  [PrimaryKeyProp]?: 'person';

  @OneToOne({ entity: () => Person, primary: true, owner: true, deleteRule: 'cascade' })
  person: Person;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ version: true })
  version!: number;

  constructor(person: Person) {
    this.person = person;
  }
}
