import { ManyToOne, OneToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Structure } from '../structures/structure.entity';
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

  /**
   * The structure that last wrote the domain: once its mandate ends, a structure
   * keeps reading only what it wrote itself.
   */
  @ManyToOne(() => Structure, { index: true, nullable: true })
  writtenBy: Structure | null = null;

  constructor(person: Person) {
    this.person = person;
  }
}
