import { Entity, Enum, OptionalProps, Property } from '@mikro-orm/core';
import { PersonDomainRow } from './person-domain.entity';
import { EmploymentStatus } from './person.enums';
import { Person } from './person.entity';

/** Domain SOCIAL (with the right steps in their own table): resources and employment. */
@Entity({ tableName: 'person_social' })
export class PersonSocial extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version' | 'employmentStatus';

  @Property({ columnType: 'text', nullable: true })
  resources: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  employment: string | null = null;

  @Enum({ items: () => EmploymentStatus, columnType: 'text', default: EmploymentStatus.UNKNOWN })
  employmentStatus: EmploymentStatus = EmploymentStatus.UNKNOWN;

  constructor(person: Person) {
    super(person);
  }

  /** An empty row for a person, filled by the write that creates it. */
  static create(person: Person): PersonSocial {
    return new PersonSocial(person);
  }
}
