import { Field, ID, ObjectType } from 'type-graphql';
import type { Account } from './account.entity';
import { ClientKind, Role } from '../auth/role';
import { connectionType } from '../shared/connection';

@ObjectType('Account', { description: 'A login: one role in one structure.' })
export class AccountView {
  @Field(() => ID, { description: "The account's id (the sub of its tokens)." })
  id!: string;

  @Field(() => String, { description: 'The login, unique on the platform.' })
  login!: string;

  @Field(() => String, { description: 'The name shown to partners, e.g. on case notes.' })
  displayName!: string;

  @Field(() => Role, { description: "The account's role in its structure." })
  role!: Role;

  @Field(() => ClientKind, { description: 'Whether a person (USER) or a partner system (MACHINE) uses the account.' })
  clientKind!: ClientKind;

  structureId!: string;

  static from(account: Account): AccountView {
    return Object.assign(new AccountView(), {
      id: account.id,
      login: account.login,
      displayName: account.displayName,
      role: account.role,
      clientKind: account.clientKind,
      structureId: account.structure.id,
    });
  }
}

export const AccountConnectionView = connectionType('Account', AccountView, {
  node: 'account',
  list: "A page of a structure's accounts, by login.",
});
