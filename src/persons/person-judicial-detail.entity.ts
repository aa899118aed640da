import { Entity, OptionalProps, Property } from '@mikro-orm/core';
import { PersonDomainRow } from './person-domain.entity';
import { Person } from './person.entity';

/** Domain JUDICIAL_DETAIL: restricted by law to the justice side. */
@Entity({ tableName: 'person_judicial_detail' })
export class PersonJudicialDetail extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version';

  @Property({ columnType: 'text', nullable: true })
  offence: string | null = null;

  @Property({ type: 'date', nullable: true })
  sentenceEndDate: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  prisonNumber: string | null = null;

  constructor(person: Person) {
    super(person);
  }

  /** An empty row for a person, filled by the write that creates it. */
  static create(person: Person): PersonJudicialDetail {
    return new PersonJudicialDetail(person);
  }
}
