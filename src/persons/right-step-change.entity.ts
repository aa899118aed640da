import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { BaseEntity } from '../shared/base.entity';
import { Structure } from '../structures/structure.entity';
import { RightKind, RightStatus } from './person.enums';
import { Person } from './person.entity';
import { RightStep } from './right-step.entity';

/** One change of a right step: who, when, from which status to which. Never updated. */
@Entity({ tableName: 'right_step_change' })
export class RightStepChange extends BaseEntity {
  @ManyToOne(() => RightStep, { index: true, deleteRule: 'cascade' })
  rightStep: RightStep;

  @ManyToOne(() => Person, { index: true, deleteRule: 'cascade' })
  person: Person;

  @Enum({ items: () => RightKind, columnType: 'text' })
  kind: RightKind;

  /** Null for the step's first status. */
  @Enum({ items: () => RightStatus, columnType: 'text', nullable: true })
  fromStatus: RightStatus | null = null;

  @Enum({ items: () => RightStatus, columnType: 'text' })
  toStatus: RightStatus;

  @Property({ columnType: 'text', nullable: true })
  note: string | null = null;

  @ManyToOne(() => Account, { index: true })
  account: Account;

  @ManyToOne(() => Structure, { index: true })
  structure: Structure;

  constructor(step: RightStep, fromStatus: RightStatus | null, account: Account, structure: Structure) {
    super();
    this.rightStep = step;
    this.person = step.person;
    this.kind = step.kind;
    this.fromStatus = fromStatus;
    this.toStatus = step.status;
    this.note = step.note;
    this.account = account;
    this.structure = structure;
  }
}
