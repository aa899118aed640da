import type { EntityData } from '@mikro-orm/core';
import { Factory } from '@mikro-orm/seeder';
import { Account } from '../../src/accounts/account.entity';
import type { Role } from '../../src/auth/role';
import type { Structure } from '../../src/structures/structure.entity';
import { uniqueSuffix } from './sequence';

export interface AccountInput extends EntityData<Account> {
  structure: Structure;
  role: Role;
}

export class AccountFactory extends Factory<Account, AccountInput> {
  readonly model = Account;

  protected definition(input?: AccountInput): EntityData<Account> {
    const suffix = uniqueSuffix();
    return { login: `user.${suffix}`, displayName: `User ${suffix}`, ...input };
  }
}
