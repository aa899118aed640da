import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Structure } from '../structures/structure.entity';
import { RightKind, RightStatus } from './person.enums';
import { Person } from './person.entity';

/** Domain SOCIAL: one right to open (ID card, RSA, ...) and where it stands. */
@Entity({ tableName: 'right_step' })
@Unique({ name: 'right_step_person_kind_unique', properties: ['person', 'kind'] })
export class RightStep extends VersionedEntity<'status'> {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Person;

  @Enum({ items: () => RightKind, columnType: 'text' })
  kind: RightKind;

  @Enum({ items: () => RightStatus, columnType: 'text', default: RightStatus.TO_DO })
  status: RightStatus = RightStatus.TO_DO;

  @Property({ columnType: 'text', nullable: true })
  note: string | null = null;

  @ManyToOne(() => Structure, { index: true, nullable: true })
  updatedByStructure: Structure | null = null;

  constructor(person: Person, kind: RightKind, status: RightStatus = RightStatus.TO_DO) {
    super();
    this.person = person;
    this.kind = kind;
    this.status = status;
  }
}
