import { Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Structure } from '../structures/structure.entity';
import { PersonDomainRow } from './person-domain.entity';
import { JudicialMeasure } from './person.enums';
import { Person } from './person.entity';

/** Domain JUDICIAL: the core a receiving partner needs to decide on a referral. */
@Entity({ tableName: 'person_judicial' })
export class PersonJudicial extends PersonDomainRow {
  [OptionalProps]?: 'updatedAt' | 'version' | 'measure' | 'careObligation';

  /** The prison where the person is held. */
  @ManyToOne(() => Structure, { index: true, nullable: true })
  establishment: Structure | null = null;

  @Index()
  @Property({ type: 'date', nullable: true })
  expectedReleaseDate: string | null = null;

  /** Actual release date, once released. */
  @Property({ type: 'date', nullable: true })
  releasedOn: string | null = null;

  @Enum({ items: () => JudicialMeasure, columnType: 'text', default: JudicialMeasure.NONE })
  measure: JudicialMeasure = JudicialMeasure.NONE;

  /** The court ordered care ("obligation de soins"). */
  @Property({ type: 'boolean', default: false })
  careObligation: boolean = false;

  constructor(person: Person) {
    super(person);
  }

  /** An empty row for a person, filled by the write that creates it. */
  static create(person: Person): PersonJudicial {
    return new PersonJudicial(person);
  }
}
