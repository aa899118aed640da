import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { VersionedEntity } from '../shared/base.entity';
import { Person } from '../persons/person.entity';
import { Structure } from '../structures/structure.entity';
import { Action } from './action.entity';

/** A person's participation in an action: enrolment, and what they attended. */
@Entity({ tableName: 'action_participation' })
@Unique({ name: 'action_participation_action_person_enrolled_unique', properties: ['action', 'person', 'enrolledOn'] })
@Check({ name: 'action_participation_dates_order', expression: 'ended_on is null or ended_on >= enrolled_on' })
@Check({
  name: 'action_participation_counts_non_negative',
  expression: 'sessions_attended >= 0 and group_sessions >= 0 and co_interventions >= 0',
})
export class ActionParticipation extends VersionedEntity<'sessionsAttended' | 'groupSessions' | 'coInterventions'> {
  @ManyToOne(() => Action, { index: true })
  action: Action;

  @ManyToOne(() => Person, { index: true })
  person: Person;

  /** The structure that enrolled the person (the carrier, or a partner of it). */
  @ManyToOne(() => Structure, { index: true })
  structure: Structure;

  @ManyToOne(() => Account, { index: true })
  enrolledBy: Account;

  @Property({ type: 'date' })
  enrolledOn: string;

  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  /** Individual sessions the person attended. */
  @Property({ type: 'integer', default: 0 })
  sessionsAttended: number = 0;

  /** Group sessions the person attended. */
  @Property({ type: 'integer', default: 0 })
  groupSessions: number = 0;

  /** Sessions held jointly with another professional (co-interventions) the person attended. */
  @Property({ type: 'integer', default: 0 })
  coInterventions: number = 0;

  constructor(action: Action, person: Person, structure: Structure, enrolledBy: Account, enrolledOn: string) {
    super();
    this.action = action;
    this.person = person;
    this.structure = structure;
    this.enrolledBy = enrolledBy;
    this.enrolledOn = enrolledOn;
  }
}
