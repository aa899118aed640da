import { Entity, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { PersonDomainRow } from '../persons/person-domain.entity';
import { Person } from '../persons/person.entity';
import { Structure } from '../structures/structure.entity';

/** Domain HEALTH_SUMMARY: what a care attestation says (in care, where, since when). */
@Entity({ tableName: 'person_health_summary' })
export class PersonHealthSummary extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version';

  @Property({ type: 'boolean' })
  inCare: boolean;

  @ManyToOne(() => Structure, { index: true, nullable: true })
  careStructure: Structure | null = null;

  @Property({ type: 'date', nullable: true })
  since: string | null = null;

  constructor(person: Person, inCare: boolean) {
    super(person);
    this.inCare = inCare;
  }
}
