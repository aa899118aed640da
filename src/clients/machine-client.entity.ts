import { Entity, ManyToOne, OneToOne, Property } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity';
import { VersionedEntity } from '../shared/base.entity';
import { Structure } from '../structures/structure.entity';

/**
 * A partner system (OAuth 2.0 client credentials): its id is the `client_id`. It acts through
 * an account of its own (client kind MACHINE, one role of its structure), so that the policy,
 * the audit and the account's disabling apply to it as to a person's account.
 */
@Entity({ tableName: 'machine_client' })
export class MachineClient extends VersionedEntity<'revokedAt' | 'secretRotatedAt'> {
  @Property({ columnType: 'text' })
  name: string;

  @ManyToOne(() => Structure, { index: true })
  structure: Structure;

  @OneToOne(() => Account, { owner: true, unique: true })
  account: Account;

  /** scrypt hash of the secret (auth/secrets.ts); the secret is shown once, at creation or rotation. */
  @Property({ columnType: 'text', hidden: true })
  secretHash: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  secretRotatedAt: Date = new Date();

  /** Revoked: its account is disabled, its tokens refused from the next request. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  constructor(name: string, structure: Structure, account: Account, secretHash: string) {
    super();
    this.name = name;
    this.structure = structure;
    this.account = account;
    this.secretHash = secretHash;
  }
}
