import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { VersionedEntity } from '../shared/base.entity';
import { Person } from '../persons/person.entity';
import { Referral } from './referral.entity';
import { Service } from '../structures/service.entity';
import { Structure } from '../structures/structure.entity';

/** The support ("accompagnement") a structure gives a person, opened by an accepted referral. */
@Entity({ tableName: 'follow_up' })
@Index({ name: 'follow_up_structure_open_index', properties: ['structure', 'endDate'] })
@Check({ name: 'follow_up_dates_order', expression: 'end_date is null or end_date >= start_date' })
export class FollowUp extends VersionedEntity {
  @ManyToOne(() => Person, { index: true })
  person: Person;

  @ManyToOne(() => Structure)
  structure: Structure;

  @ManyToOne(() => Service, { index: true, nullable: true })
  service: Service | null = null;

  /** The referral that opened it; at most one follow-up per referral. */
  @ManyToOne(() => Referral, { unique: true, nullable: true })
  referral: Referral | null = null;

  /** The worker in charge. */
  @ManyToOne(() => Account, { index: true, nullable: true })
  worker: Account | null = null;

  @Property({ type: 'date' })
  startDate: string;

  @Property({ type: 'date', nullable: true })
  endDate: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  closingReason: string | null = null;

  constructor(person: Person, structure: Structure, startDate: string) {
    super();
    this.person = person;
    this.structure = structure;
    this.startDate = startDate;
  }
}
