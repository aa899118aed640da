import { Check, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { DataDomain } from '../policy/data-domain';
import { VersionedEntity } from '../shared/base.entity';
import { Person } from '../persons/person.entity';
import { Structure } from '../structures/structure.entity';

/**
 * The person's consent to share one data domain with one structure (or with every
 * structure holding a mandate when recipient is null). Expired or revoked, it shows nothing.
 */
@Entity({ tableName: 'consent' })
@Check({ name: 'consent_expiry_after_given', expression: 'expires_at is null or expires_at > given_at' })
export class Consent extends VersionedEntity {
  @ManyToOne(() => Person, { index: true })
  person: Person;

  @Enum({ items: () => DataDomain, columnType: 'text' })
  domain: DataDomain;

  /** Null means every structure holding a mandate on the person. */
  @ManyToOne(() => Structure, { index: true, nullable: true })
  recipient: Structure | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  givenAt: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** The structure, holding the data, whose worker recorded the consent. */
  @ManyToOne(() => Structure, { index: true })
  recordedByStructure: Structure;

  @ManyToOne(() => Account, { index: true })
  recordedBy: Account;

  @ManyToOne(() => Account, { index: true, nullable: true })
  revokedBy: Account | null = null;

  constructor(person: Person, domain: DataDomain, recordedBy: Account, givenAt: Date = new Date()) {
    super();
    this.person = person;
    this.domain = domain;
    this.recordedBy = recordedBy;
    this.recordedByStructure = recordedBy.structure;
    this.givenAt = givenAt;
  }
}
