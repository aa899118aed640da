import { Entity, Enum, OptionalProps, Property } from '@mikro-orm/core';
import { PersonDomainRow } from '../persons/person-domain.entity';
import { HousingStatus } from '../persons/person.enums';
import { Person } from '../persons/person.entity';

/** Domain HOUSING: where the person lives or will live, and the shelter request. */
@Entity({ tableName: 'person_housing' })
export class PersonHousing extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version' | 'status';

  @Enum({ items: () => HousingStatus, columnType: 'text', default: HousingStatus.UNKNOWN })
  status: HousingStatus = HousingStatus.UNKNOWN;

  @Property({ type: 'date', nullable: true })
  shelterRequestedAt: string | null = null;

  constructor(person: Person, status: HousingStatus = HousingStatus.UNKNOWN) {
    super(person);
    this.status = status;
  }

  /** An empty row for a person, filled by the write that creates it. */
  static create(person: Person): PersonHousing {
    return new PersonHousing(person);
  }
}
