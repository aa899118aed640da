import { Entity, Enum, Property } from '@mikro-orm/core';
import { ClientKind, Role } from '../auth/role';
import { DataDomain } from '../policy/data-domain';
import { AuditKind } from './audit-entry.entity';

/**
 * The audit log as one entry per access to one person's record (or an aggregate read, with no
 * person): the view access_log_entry over audit_entry (writes, aggregate reads) and audit_read
 * (one row a request, one entry per person read). Read-only. Filter by `personId` and
 * `personIds: { $contains: [personId] }` together: the second lets audit_read's GIN index serve.
 */
@Entity({ tableName: 'access_log_entry', expression: 'select * from access_log_entry' })
export class AccessLogEntry {
  @Property({ type: 'uuid' })
  id!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at!: Date;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'uuid' })
  structureId!: string;

  @Enum({ items: () => Role, columnType: 'text' })
  role!: Role;

  @Enum({ items: () => ClientKind, columnType: 'text' })
  client!: ClientKind;

  @Enum({ items: () => AuditKind, columnType: 'text' })
  kind!: AuditKind;

  @Property({ columnType: 'text', nullable: true })
  operation!: string | null;

  @Property({ columnType: 'text' })
  requestId!: string;

  @Property({ type: 'uuid', nullable: true })
  personId!: string | null;

  @Enum({ items: () => DataDomain, array: true, columnType: 'text[]' })
  domains!: DataDomain[];

  @Property({ type: 'json', nullable: true })
  detail!: Record<string, unknown> | null;

  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  personIds!: (string | null)[];

  /** The person was restricted at the time of the access (access-policy.md, "Restricted persons"). */
  @Property({ type: 'boolean' })
  restricted!: boolean;

  /** The structure that read or wrote, as records name their actor. */
  get structure(): { id: string } {
    return { id: this.structureId };
  }
}
