import { Check, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Structure } from '../structures/structure.entity';
import { ClientKind, Role } from '../auth/role';

/** What a login may be: lower-case letters, digits, ".", "-" and "_", 2 to 64 characters. */
export const LOGIN_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';

/** A login: one role in one structure; a person or a partner system. */
@Entity({ tableName: 'account' })
@Check({ name: 'account_login_format', expression: `login ~ '${LOGIN_PATTERN}'` })
export class Account extends VersionedEntity<'clientKind' | 'disabled' | 'email'> {
  @Property({ columnType: 'text', unique: true })
  login: string;

  @Property({ columnType: 'text' })
  displayName: string;

  @ManyToOne(() => Structure, { index: true })
  structure: Structure;

  @Enum({ items: () => Role, columnType: 'text' })
  role: Role;

  @Enum({ items: () => ClientKind, columnType: 'text', default: ClientKind.USER })
  clientKind: ClientKind = ClientKind.USER;

  /** Where the person can be reached; never shown to other structures. */
  @Property({ columnType: 'text', nullable: true })
  email: string | null = null;

  /** A disabled account is refused on its next request, whatever its token. */
  @Property({ type: 'boolean', default: false })
  disabled: boolean = false;

  constructor(login: string, displayName: string, structure: Structure, role: Role) {
    super();
    this.login = login;
    this.displayName = displayName;
    this.structure = structure;
    this.role = role;
  }
}
