import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../shared/base.entity';
import { Account } from './account.entity';

/**
 * An identity at an OpenID Connect provider (ProConnect, or the one JWT_JWKS_URL names) that
 * acts as an account: a verified token of that issuer with that subject is the account's.
 */
@Entity({ tableName: 'external_identity' })
@Unique({ name: 'external_identity_issuer_subject_unique', properties: ['issuer', 'subject'] })
export class ExternalIdentity extends BaseEntity {
  @ManyToOne(() => Account, { index: true, deleteRule: 'cascade' })
  account: Account;

  @Property({ columnType: 'text' })
  issuer: string;

  @Property({ columnType: 'text' })
  subject: string;

  constructor(account: Account, issuer: string, subject: string) {
    super();
    this.account = account;
    this.issuer = issuer;
    this.subject = subject;
  }
}
