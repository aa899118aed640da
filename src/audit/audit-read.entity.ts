import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { ClientKind, Role } from '../auth/role';
import { DataDomain } from '../policy/data-domain';

const DOMAIN = `(${Object.values(DataDomain).join('|')})`;
const DOMAINS = `(${DOMAIN}(,${DOMAIN})*)?`;

/**
 * The reads of person data of one request: who read, under which operation, which persons and,
 * for each, the domains read (`personDomains[i]`: the comma-joined domains of `personIds[i]`,
 * empty when the person was listed without a domain). One row a request instead of one a
 * person: a page of fifty persons is one row and one index entry per person in a GIN index.
 * Append-only, like audit_entry; the view access_log_entry shows one entry per person read.
 */
@Entity({ tableName: 'audit_read' })
@Check({ name: 'audit_read_persons_domains', expression: 'cardinality(person_ids) = cardinality(person_domains)' })
@Check({ name: 'audit_read_domains_values', expression: `array_to_string(person_domains, ';') ~ '^${DOMAINS}(;${DOMAINS})*$'` })
@Index({ name: 'audit_read_person_ids_gin', expression: 'create index "audit_read_person_ids_gin" on "audit_read" using gin ("person_ids")' })
export class AuditRead {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Index({ name: 'audit_read_at_brin', type: 'brin' })
  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  // No foreign keys, as in audit_entry: the log outlives the accounts and structures it names.
  @Property({ type: 'uuid' })
  accountId!: string;

  @Index({ name: 'audit_read_structure_id_index' })
  @Property({ type: 'uuid' })
  structureId!: string;

  @Enum({ items: () => Role, columnType: 'text' })
  role!: Role;

  @Enum({ items: () => ClientKind, columnType: 'text' })
  client!: ClientKind;

  /** The GraphQL operation name, when the client gave one. */
  @Property({ columnType: 'text', nullable: true })
  operation: string | null = null;

  @Property({ columnType: 'text' })
  requestId!: string;

  @Property({ type: 'uuid[]', columnType: 'uuid[]' })
  personIds!: string[];

  @Property({ type: 'string[]', columnType: 'text[]' })
  personDomains!: string[];

  /**
   * The restricted persons among personIds, flagged by the database when the row is written
   * (a trigger reads person.restricted_at): every read of a restricted person is flagged,
   * whoever writes the row.
   */
  @Property({ type: 'uuid[]', columnType: 'uuid[]', default: '{}' })
  restrictedPersonIds: string[] = [];
}
