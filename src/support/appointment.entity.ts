import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { DataDomain } from '../policy/data-domain';
import { VersionedEntity } from '../shared/base.entity';
import { Person } from '../persons/person.entity';
import { Structure } from '../structures/structure.entity';
import { AppointmentKind, AppointmentStatus } from './follow-up.enums';
import { FollowUp } from './follow-up.entity';

/** An appointment with the person; read under the policy of its data domain. */
@Entity({ tableName: 'appointment' })
@Index({ name: 'appointment_structure_scheduled_index', properties: ['structure', 'scheduledAt'] })
@Index({ name: 'appointment_person_scheduled_index', properties: ['person', 'scheduledAt'] })
export class Appointment extends VersionedEntity<'status'> {
  @ManyToOne(() => Person)
  person: Person;

  @ManyToOne(() => FollowUp, { index: true, nullable: true })
  followUp: FollowUp | null = null;

  /** The structure that holds the appointment. */
  @ManyToOne(() => Structure)
  structure: Structure;

  @ManyToOne(() => Account, { index: true })
  createdBy: Account;

  @Enum({ items: () => DataDomain, columnType: 'text' })
  domain: DataDomain;

  @Enum({ items: () => AppointmentKind, columnType: 'text' })
  kind: AppointmentKind;

  @Property({ columnType: 'text', nullable: true })
  place: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  scheduledAt: Date;

  @Enum({ items: () => AppointmentStatus, columnType: 'text', default: AppointmentStatus.SCHEDULED })
  status: AppointmentStatus = AppointmentStatus.SCHEDULED;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  heldAt: Date | null = null;

  constructor(
    person: Person,
    structure: Structure,
    createdBy: Account,
    domain: DataDomain,
    kind: AppointmentKind,
    scheduledAt: Date,
  ) {
    super();
    this.person = person;
    this.structure = structure;
    this.createdBy = createdBy;
    this.domain = domain;
    this.kind = kind;
    this.scheduledAt = scheduledAt;
  }
}
