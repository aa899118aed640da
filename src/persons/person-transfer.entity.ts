import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { VersionedEntity } from '../shared/base.entity';
import { Structure } from '../structures/structure.entity';
import { Person } from './person.entity';

export enum TransferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REFUSED = 'REFUSED',
}

registerEnumType(TransferStatus, {
  name: 'TransferStatus',
  description: 'Where the transfer of a file from one SPIP to another stands ("dessaisissement").',
  valuesConfig: {
    PENDING: { description: "Awaiting the receiving SPIP's decision." },
    ACCEPTED: { description: 'The receiving SPIP holds the file now.' },
    REFUSED: { description: 'The receiving SPIP refused; the file stays where it was.' },
  },
});

/**
 * The move of a person's file from the SPIP holding it to another SPIP: pending until the
 * receiving SPIP accepts (the file and the full mandate move; the former SPIP keeps its own
 * writings, read-only, for the retention period) or refuses (nothing moves). The mandate table
 * follows these rows through triggers (migrations/…_PersonLifecycle.ts): a pending transfer is
 * a pending mandate of the receiving SPIP, an accepted one an ended mandate of the former SPIP.
 */
@Entity({ tableName: 'person_transfer' })
@Index({
  name: 'person_transfer_one_pending_index',
  expression: `create unique index "person_transfer_one_pending_index" on "person_transfer" ("person_id") where "status" = 'PENDING'`,
})
@Check({ name: 'person_transfer_other_spip', expression: 'from_spip_id <> to_spip_id' })
export class PersonTransfer extends VersionedEntity<'status' | 'refusalReason' | 'decidedAt'> {
  @ManyToOne(() => Person, { index: true, deleteRule: 'cascade' })
  person: Person;

  @ManyToOne(() => Structure, { index: true })
  fromSpip: Structure;

  @ManyToOne(() => Structure, { index: true })
  toSpip: Structure;

  @Enum({ items: () => TransferStatus, columnType: 'text', default: TransferStatus.PENDING })
  status: TransferStatus = TransferStatus.PENDING;

  /** Why the file moves (free text: erased at the end of retention). */
  @Property({ columnType: 'text' })
  reason: string;

  /** Why the receiving SPIP refused (free text: erased at the end of retention). */
  @Property({ columnType: 'text', nullable: true })
  refusalReason: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  constructor(person: Person, fromSpip: Structure, toSpip: Structure, reason: string) {
    super();
    this.person = person;
    this.fromSpip = fromSpip;
    this.toSpip = toSpip;
    this.reason = reason;
  }
}
