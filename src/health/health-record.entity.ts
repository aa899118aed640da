import { Entity, OptionalProps, Property } from '@mikro-orm/core';
import { PersonDomainRow } from '../persons/person-domain.entity';
import { Person } from '../persons/person.entity';

/** Domain HEALTH: substances, treatment, care notes; kept by the CSAPA under medical secrecy. */
@Entity({ tableName: 'person_health_record' })
export class PersonHealthRecord extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version' | 'substances';

  @Property({ type: 'text[]', columnType: 'text[]', default: '{}' })
  substances: string[] = [];

  @Property({ columnType: 'text', nullable: true })
  treatment: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  notes: string | null = null;

  constructor(person: Person) {
    super(person);
  }
}
