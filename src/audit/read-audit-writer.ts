import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientKind, Role } from '../auth/role';
import { executePrepared } from '../shared/prepared';
import { AuditKind } from './audit-entry.entity';

/** The reads of one request: who read, under which operation, and each person's domains. */
export interface RequestReads {
  accountId: string;
  structureId: string;
  role: Role;
  client: ClientKind;
  operation: string | null;
  requestId: string;
  reads: readonly { personId: string; domains: readonly string[] }[];
}

interface Waiting {
  request: RequestReads;
  resolve(): void;
  reject(error: unknown): void;
}

/** Rows one statement carries at most: requests are never split, so one with more goes alone. */
export const ROWS_PER_STATEMENT = 2000;

/** An element of a PostgreSQL array literal: quoted (backslashes and quotes escaped), null as NULL. */
export function arrayElement(value: string | null): string {
  if (value === null) return 'NULL';
  return value.includes('"') || value.includes('\\') ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
}

/** A PostgreSQL array literal. The values are ids, enum names, GraphQL operation names and comma-joined domain names. */
export function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map(arrayElement).join(',')}}`;
}

const INSERT = `insert into audit_entry (account_id, structure_id, role, client, kind, operation, request_id, person_id, domains)
  select r.account_id, r.structure_id, r.role, r.client, '${AuditKind.READ}', r.operation, r.request_id, r.person_id,
         coalesce(string_to_array(nullif(r.domains, ''), ','), '{}')
  from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[])
    as r(account_id, structure_id, role, client, operation, request_id, person_id, domains)`;

/**
 * Writes the reads of person data to the audit log before each response leaves, committing
 * the reads of concurrent requests together (group commit). A request's reads wait while one
 * statement is in flight and go with the next, one INSERT for all the requests that came in
 * the meantime: under load, fewer statements, commits and round trips than requests; alone, a
 * request waits for nothing. Each request's promise settles when its rows are committed, or
 * fails with the statement that carried them: then its data does not leave.
 */
export class ReadAuditWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  /** `em` is the application's, not a request's: the statement carries several requests. */
  constructor(private readonly em: EntityManager) {}

  write(request: RequestReads): Promise<void> {
    if (request.reads.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.take();
        try {
          await this.insert(batch.map((waiting) => waiting.request));
          for (const waiting of batch) waiting.resolve();
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** The longest run of waiting requests within the statement's rows (at least one request). */
  private take(): Waiting[] {
    let rows = 0;
    let count = 0;
    while (count < this.waiting.length) {
      const next = this.waiting[count].request.reads.length;
      if (count > 0 && rows + next > ROWS_PER_STATEMENT) break;
      rows += next;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async insert(requests: readonly RequestReads[]): Promise<void> {
    // Elements written once a request and repeated for each person it read.
    const columns: string[][] = [[], [], [], [], [], [], [], []];
    const [accounts, structures, roles, clients, operations, requestIds, persons, domains] = columns;
    for (const request of requests) {
      const account = arrayElement(request.accountId);
      const structure = arrayElement(request.structureId);
      const role = arrayElement(request.role);
      const client = arrayElement(request.client);
      const operation = arrayElement(request.operation);
      const requestId = arrayElement(request.requestId);
      for (const read of request.reads) {
        accounts.push(account);
        structures.push(structure);
        roles.push(role);
        clients.push(client);
        operations.push(operation);
        requestIds.push(requestId);
        persons.push(arrayElement(read.personId));
        domains.push(arrayElement(read.domains.join(',')));
      }
    }
    await executePrepared(
      this.em,
      INSERT,
      columns.map((elements) => `{${elements.join(',')}}`),
    );
  }
}
