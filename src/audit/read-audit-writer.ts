import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientKind, Role } from '../auth/role';
import { executePrepared } from '../shared/prepared';

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

/** Persons one statement carries at most: requests are never split, so one with more goes alone. */
export const PERSONS_PER_STATEMENT = 2000;

/** An element of a PostgreSQL array literal: quoted (backslashes and quotes escaped), null as NULL. */
export function arrayElement(value: string | null): string {
  if (value === null) return 'NULL';
  return value.includes('"') || value.includes('\\') ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
}

/** A PostgreSQL array literal. The values are ids, enum names, GraphQL operation names and comma-joined domain names. */
export function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map(arrayElement).join(',')}}`;
}

const INSERT = `insert into audit_read (account_id, structure_id, role, client, operation, request_id, person_ids, person_domains)
  select r.account_id, r.structure_id, r.role, r.client, r.operation, r.request_id, r.person_ids::uuid[], r.person_domains::text[]
  from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
    as r(account_id, structure_id, role, client, operation, request_id, person_ids, person_domains)`;

/**
 * Writes the reads of person data to the audit log (audit_read, one row a request) before each
 * response leaves, committing the reads of concurrent requests together (group commit). A
 * request's reads wait while one statement is in flight and go with the next, one INSERT for
 * all the requests that came in the meantime: under load, fewer statements, commits and round
 * trips than requests; alone, a request waits for nothing. Each request's promise settles when
 * its row is committed, or fails with the statement that carried it: then its data does not leave.
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
    let persons = 0;
    let count = 0;
    while (count < this.waiting.length) {
      const next = this.waiting[count].request.reads.length;
      if (count > 0 && persons + next > PERSONS_PER_STATEMENT) break;
      persons += next;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  /** One audit_read row a request: its persons and their domains as array literals, inside the statement's arrays. */
  private async insert(requests: readonly RequestReads[]): Promise<void> {
    const columns: string[][] = [[], [], [], [], [], [], [], []];
    const [accounts, structures, roles, clients, operations, requestIds, persons, domains] = columns;
    for (const request of requests) {
      accounts.push(arrayElement(request.accountId));
      structures.push(arrayElement(request.structureId));
      roles.push(arrayElement(request.role));
      clients.push(arrayElement(request.client));
      operations.push(arrayElement(request.operation));
      requestIds.push(arrayElement(request.requestId));
      persons.push(arrayElement(arrayLiteral(request.reads.map((read) => read.personId))));
      domains.push(arrayElement(arrayLiteral(request.reads.map((read) => read.domains.join(',')))));
    }
    await executePrepared(
      this.em,
      INSERT,
      columns.map((elements) => `{${elements.join(',')}}`),
    );
  }
}
