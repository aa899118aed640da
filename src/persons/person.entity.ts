import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Structure } from '../structures/structure.entity';
import { PersonFileStatus } from './person.enums';

/**
 * The person's record root: who holds the file, nothing identifying. Each data
 * domain lives in a table of its own so that it is fetched, or not, as a unit.
 */
@Entity({ tableName: 'person' })
// Restricted persons are few: the audit's triggers and the identity check find them here.
@Index({ name: 'person_restricted_index', expression: 'create index "person_restricted_index" on "person" ("id") where "restricted_at" is not null' })
export class Person extends VersionedEntity<'fileStatus' | 'registeredBy' | 'fileClosedReason' | 'restrictedAt' | 'restrictedVisibleTo'> {
  /** Stable, non-identifying handle, e.g. "P-7K3Q9XDF". */
  @Property({ columnType: 'text', unique: true })
  pseudonym: string;

  /** The SPIP holding the file now (changes on transfer). */
  @ManyToOne(() => Structure, { index: true })
  spip: Structure;

  /** The SPIP that registered the person. */
  @ManyToOne(() => Structure, { index: true })
  registeredBy: Structure;

  @Enum({ items: () => PersonFileStatus, columnType: 'text', default: PersonFileStatus.OPEN })
  fileStatus: PersonFileStatus = PersonFileStatus.OPEN;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  fileClosedAt: Date | null = null;

  /** Why the file was closed (free text: erased at the end of retention). */
  @Property({ columnType: 'text', nullable: true })
  fileClosedReason: string | null = null;

  /**
   * Set while the holding SPIP restricts the person (access-policy.md, "Restricted persons"):
   * the identity is shown only to the holding SPIP and to the structures in restrictedVisibleTo.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  restrictedAt: Date | null = null;

  /** The structures, besides the holding SPIP, that still see a restricted person's identity. */
  @Property({ type: 'uuid[]', columnType: 'uuid[]', default: '{}' })
  restrictedVisibleTo: string[] = [];

  /** Last contact with any partner; starts the 2-year retention period once no mandate remains. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastContactAt: Date | null = null;

  /** Set when identity and free text were removed at the end of retention. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  pseudonymisedAt: Date | null = null;

  constructor(pseudonym: string, spip: Structure) {
    super();
    this.pseudonym = pseudonym;
    this.spip = spip;
    this.registeredBy = spip;
  }
}
