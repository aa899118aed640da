import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ClientKind, Role } from '../auth/role';
import { DataDomain } from '../policy/data-domain';
import type { EntityRef } from '../shared/base.entity';
import { enumArrayCheck } from '../shared/checks';

export enum AuditKind {
  READ = 'READ',
  WRITE = 'WRITE',
}

/**
 * One access to person data. Append-only: the database rejects UPDATE, DELETE and
 * TRUNCATE on this table. The person id carries no foreign key, because the log
 * outlives the data it describes.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ name: 'audit_entry_person_at_index', properties: ['personId', 'at'] })
@Check({ name: 'audit_entry_domains_values', expression: enumArrayCheck('domains', DataDomain) })
export class AuditEntry {
  [OptionalProps]?: 'at' | 'domains' | 'restricted';

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  // Append-only and written in time order: a BRIN index serves ranges of time (retention) at a
  // fraction of a B-tree's cost on every insert (a page read writes one entry per person).
  @Index({ name: 'audit_entry_at_brin', type: 'brin' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  // Accounts and structures belong to modules above the audit log: their relations name them.
  // No foreign keys, as for the person: the log outlives the accounts and structures it names
  // (a structure that leaves the platform keeps its history), and a page read would otherwise
  // pay two key checks per person listed. The server writes them from the authenticated viewer.
  @ManyToOne({ entity: 'Account', createForeignKeyConstraint: false })
  account: EntityRef;

  @ManyToOne({ entity: 'Structure', createForeignKeyConstraint: false, index: true })
  structure: EntityRef;

  @Enum({ items: () => Role, columnType: 'text' })
  role: Role;

  @Enum({ items: () => ClientKind, columnType: 'text' })
  client: ClientKind;

  @Enum({ items: () => AuditKind, columnType: 'text' })
  kind: AuditKind;

  /** The GraphQL operation name, when the client gave one. */
  @Property({ columnType: 'text', nullable: true })
  operation: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  personId: string | null = null;

  @Enum({ items: () => DataDomain, array: true, columnType: 'text[]', default: '{}' })
  domains: DataDomain[] = [];

  @Property({ columnType: 'text' })
  requestId: string;

  /** The person was restricted when the entry was written (set by a trigger, as audit_read's flags). */
  @Property({ type: 'boolean', default: false })
  restricted: boolean = false;

  /** What was done, e.g. the mutation and the ids it touched; never person data. */
  @Property({ type: 'json', nullable: true })
  detail: Record<string, unknown> | null = null;

  constructor(who: { account: EntityRef; structure: EntityRef; role: Role; client: ClientKind }, kind: AuditKind, requestId: string) {
    this.account = who.account;
    this.structure = who.structure;
    this.role = who.role;
    this.client = who.client;
    this.kind = kind;
    this.requestId = requestId;
  }
}
