import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { VersionedEntity } from '../shared/base.entity';
import { enumArrayCheck } from '../shared/checks';
import { Person } from '../persons/person.entity';
import { Service } from '../structures/service.entity';
import { Convention } from './convention.entity';
import { Structure } from '../structures/structure.entity';
import { ReferralStatus } from './referral.enums';
import { Need } from '../shared/need';

/** A SPIP orients a person to a structure (or one of its services) for some needs. */
@Entity({ tableName: 'referral' })
@Unique({ name: 'referral_sender_idempotency_key_unique', properties: ['fromStructure', 'idempotencyKey'] })
@Index({ name: 'referral_to_structure_status_index', properties: ['toStructure', 'status'] })
@Check({ name: 'referral_needs_not_empty', expression: 'cardinality(needs) > 0' })
@Check({
  name: 'referral_decline_reason_when_declined',
  expression: `status <> 'DECLINED' or decline_reason is not null`,
})
@Check({ name: 'referral_needs_values', expression: enumArrayCheck('needs', Need) })
export class Referral extends VersionedEntity<'status'> {
  @ManyToOne(() => Person, { index: true })
  person: Person;

  @ManyToOne(() => Structure, { index: true })
  fromStructure: Structure;

  @ManyToOne(() => Structure)
  toStructure: Structure;

  @ManyToOne(() => Service, { index: true, nullable: true })
  service: Service | null = null;

  @Enum({ items: () => Need, array: true, columnType: 'text[]' })
  needs: Need[];

  @Property({ columnType: 'text', nullable: true })
  motive: string | null = null;

  @Enum({ items: () => ReferralStatus, columnType: 'text', default: ReferralStatus.PENDING })
  status: ReferralStatus = ReferralStatus.PENDING;

  @ManyToOne(() => Account, { index: true })
  createdBy: Account;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => Account, { index: true, nullable: true })
  decidedBy: Account | null = null;

  @Property({ columnType: 'text', nullable: true })
  declineReason: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  cancelReason: string | null = null;

  /** When the referral reached COMPLETED or CANCELLED. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  /** The convention whose yearly quota the referral counts against, when one applies. */
  @ManyToOne(() => Convention, { index: true, nullable: true })
  convention: Convention | null = null;

  /** Client-chosen key: the same key twice from the same sender returns the first referral. */
  @Property({ columnType: 'text', nullable: true })
  idempotencyKey: string | null = null;

  constructor(person: Person, fromStructure: Structure, toStructure: Structure, needs: Need[], createdBy: Account) {
    super();
    this.person = person;
    this.fromStructure = fromStructure;
    this.toStructure = toStructure;
    this.needs = needs;
    this.createdBy = createdBy;
  }
}
