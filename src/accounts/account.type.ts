import { Field, ID, ObjectType } from 'type-graphql';
import type { Account } from './account.entity';
import { ClientKind, Role } from '../auth/role';

@ObjectType('Account', { description: 'A login: one role in one structure.' })
export class AccountView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  login!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ClientKind)
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
