import { Check, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { DataDomain } from '../policy/data-domain';
import { VersionedEntity } from '../shared/base.entity';
import { Person } from '../persons/person.entity';
import { Structure } from '../structures/structure.entity';
import { FollowUp } from './follow-up.entity';

export const CASE_NOTE_MAX_LENGTH = 20000;

/** A worker's note; read under the policy of its domain, corrected by a new note. */
@Entity({ tableName: 'case_note' })
@Check({
  name: 'case_note_text_length',
  expression: `char_length(text) >= 1 and char_length(text) <= ${CASE_NOTE_MAX_LENGTH}`,
})
export class CaseNote extends VersionedEntity {
  @ManyToOne(() => Person, { index: true })
  person: Person;

  @ManyToOne(() => FollowUp, { index: true, nullable: true })
  followUp: FollowUp | null = null;

  @Enum({ items: () => DataDomain, columnType: 'text' })
  domain: DataDomain;

  @ManyToOne(() => Structure, { index: true })
  authorStructure: Structure;

  @ManyToOne(() => Account, { index: true })
  authorAccount: Account;

  @Property({ columnType: 'text' })
  text: string;

  /** The earlier note this one corrects. */
  @ManyToOne(() => CaseNote, { index: true, nullable: true })
  corrects: CaseNote | null = null;

  /** The author's structure is the account's, unless given (an account known by reference only). */
  constructor(person: Person, domain: DataDomain, authorAccount: Account, text: string, authorStructure: Structure = authorAccount.structure) {
    super();
    this.person = person;
    this.domain = domain;
    this.authorAccount = authorAccount;
    this.authorStructure = authorStructure;
    this.text = text;
  }
}
