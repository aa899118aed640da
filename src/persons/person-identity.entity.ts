import { Entity, Enum, OptionalProps, Property } from '@mikro-orm/core';
import { PersonDomainRow } from './person-domain.entity';
import { Sex } from './person.enums';
import { Person } from './person.entity';

/** Domain IDENTITY: names, birth date, sex, contact. */
@Entity({ tableName: 'person_identity' })
export class PersonIdentity extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version';

  @Property({ columnType: 'text' })
  firstName: string;

  @Property({ columnType: 'text' })
  lastName: string;

  @Property({ type: 'date', nullable: true })
  birthDate: string | null = null;

  /** As written on the person's papers. */
  @Enum({ items: () => Sex, columnType: 'text', nullable: true })
  sex: Sex | null = null;

  @Property({ columnType: 'text', nullable: true })
  phone: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  email: string | null = null;

  constructor(person: Person, firstName: string, lastName: string) {
    super(person);
    this.firstName = firstName;
    this.lastName = lastName;
  }

  /** An empty row for a person, filled by the write that creates it. */
  static create(person: Person): PersonIdentity {
    return new PersonIdentity(person, '', '');
  }
}
