import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { VersionedEntity } from '../shared/base.entity';
import { Person } from '../persons/person.entity';
import { Service } from '../structures/service.entity';
import { Structure } from '../structures/structure.entity';

/** A person housed in one of the housing places of a service, from a date until released. */
@Entity({ tableName: 'placement' })
@Check({ name: 'placement_dates_order', expression: 'end_date is null or end_date >= start_date' })
@Unique({
  name: 'placement_one_open_per_person',
  expression: 'create unique index "placement_one_open_per_person" on "placement" ("person_id") where "end_date" is null',
})
@Index({
  name: 'placement_open_by_service_index',
  expression: 'create index "placement_open_by_service_index" on "placement" ("service_id") where "end_date" is null',
})
export class Placement extends VersionedEntity {
  @ManyToOne(() => Person, { index: true })
  person: Person;

  @ManyToOne(() => Service, { index: true })
  service: Service;

  /** The structure running the service: it places, and ends the placement. */
  @ManyToOne(() => Structure, { index: true })
  structure: Structure;

  @ManyToOne(() => Account, { index: true })
  placedBy: Account;

  @Property({ type: 'date' })
  startDate: string;

  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  endReason: string | null = null;

  constructor(person: Person, service: Service, placedBy: Account, startDate: string) {
    super();
    this.person = person;
    this.service = service;
    this.structure = service.structure;
    this.placedBy = placedBy;
    this.startDate = startDate;
  }
}
