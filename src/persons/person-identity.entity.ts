import { Check, Entity, OptionalProps, Property } from '@mikro-orm/core';
import { PersonDomainRow } from './person-domain.entity';
import { Person } from './person.entity';

/** Domain IDENTITY: names, birth date, sex, contact. */
@Entity({ tableName: 'person_identity' })
@Check({ name: 'person_identity_sex_values', expression: `sex in ('F', 'M', 'X')` })
export class PersonIdentity extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version';

  @Property({ columnType: 'text' })
  firstName: string;

  @Property({ columnType: 'text' })
  lastName: string;

  @Property({ type: 'date', nullable: true })
  birthDate: string | null = null;

  /** F, M or X as written on the person's papers. */
  @Property({ columnType: 'text', nullable: true })
  sex: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  phone: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  email: string | null = null;

  constructor(person: Person, firstName: string, lastName: string) {
    super(person);
    this.firstName = firstName;
    this.lastName = lastName;
  }
}
