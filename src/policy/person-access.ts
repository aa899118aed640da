import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { ReadAudit } from '../context/read-audit';
import { loadConsentedDomains, mandateAndConsentsSql } from './consent.repository';
import { ForbiddenError, NotFoundError } from '../shared/errors';
import { type MaybePromise, whenReady } from '../shared/maybe-async';
import { PeekableLoader } from '../shared/peekable-loader';
import { StructureKind } from '../shared/structure-kind';
import { ACCESS_POLICY, Decision, Grant, MandateState, decide, type Action } from './access-policy';
import { loadWrittenDomains } from './authorship.repository';
import { DataDomain } from './data-domain';
import { loadIdentityWithheld, loadMandates, mandateSubquery } from './mandate.repository';
import { Permission, roleMay } from './permissions';
import { recordActorShownSql, recordVisibleSql } from './record-sql';
import { HIDDEN, type RecordDeclaration, type RecordDecision, type RecordKind, decideRecord } from './records';

/** A row of a record's table the viewer sees, with whether its actor may be named. */
export interface VisibleRow {
  row: Record<string, unknown>;
  actorShown: boolean;
  /** The record's own domains (audited as read). */
  domains: DataDomain[];
}

/** Rows of a record's table with their decision columns, split into the record and its decision, by person. */
export function groupVisible(personIds: readonly string[], rows: readonly Record<string, unknown>[]): Map<string, VisibleRow[]> {
  const byPerson = new Map<string, VisibleRow[]>(personIds.map((id) => [id, []]));
  for (const source of rows) {
    // A copy without the decision's columns, by a plain loop: an object rest (`...row`) that
    // leaves keys out takes V8's slow path, several microseconds a row.
    const row: Record<string, unknown> = {};
    for (const key in source) if (key !== 'actor_shown__' && key !== 'domains__') row[key] = source[key];
    byPerson.get(row.person_id as string)?.push({ row, actorShown: source.actor_shown__ === true, domains: source.domains__ as DataDomain[] });
  }
  return byPerson;
}

/**
 * The policy applied to one viewer for one request: mandates, consents and what the
 * viewer's structure wrote (what an ended mandate still shows) are loaded in batches,
 * per request, and never cached beyond it, so a revoked consent or an ended mandate
 * takes effect on the next request.
 */
export class PersonAccess {
  private readonly mandates: PeekableLoader<string, MandateState>;
  /** Whether a person's identity is withheld from the viewer's structure (a restricted person). */
  private readonly identityWithheld: PeekableLoader<string, boolean>;
  private readonly consents: PeekableLoader<string, Set<DataDomain>>;
  private readonly structureKinds: DataLoader<string, StructureKind | undefined>;
  private readonly written: DataLoader<string, Set<DataDomain>>;
  private readonly recordLoaders = new Map<RecordKind, PeekableLoader<string, VisibleRow[]>>();
  private readonly fullReadsByPerson = new Map<string, Promise<Set<DataDomain>>>();
  /** Told when the request forgets what it held about a person (the record reader's caches). */
  private readonly forgetListeners: ((personId: string) => void)[] = [];
  /** Persons whose mandate and consents were read together for a write (loadForWrite). */
  private readonly loadedForWrite = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    /** Where the records this request shows are recorded for the audit log. */
    private readonly readAudit: ReadAudit = new ReadAudit(),
  ) {
    this.mandates = new PeekableLoader(async (ids) => {
      const found = await loadMandates(em, viewer.structureId, ids);
      return ids.map((id) => found.get(id) ?? MandateState.NONE);
    });
    this.identityWithheld = new PeekableLoader(async (ids) => {
      const withheld = await loadIdentityWithheld(em, viewer.structureId, ids);
      return ids.map((id) => withheld.has(id));
    });
    this.consents = new PeekableLoader(async (ids) => {
      const found = await loadConsentedDomains(em, viewer.structureId, ids);
      return ids.map((id) => found.get(id) ?? new Set<DataDomain>());
    });
    this.written = new DataLoader(async (ids) => {
      const found = await loadWrittenDomains(em, viewer.structureId, ids);
      return ids.map((id) => found.get(id) ?? new Set<DataDomain>());
    });
    this.structureKinds = new DataLoader(async (ids) => {
      const rows = await em.execute<{ id: string; kind: StructureKind }[]>('select id, kind from structure where id = any(?::uuid[])', [
        `{${ids.join(',')}}`,
      ]);
      const kinds = new Map(rows.map((row) => [row.id, row.kind]));
      return ids.map((id) => kinds.get(id));
    });
  }

  /**
   * Records a mandate already computed by a scoped query (a page of persons), and whether the
   * person's identity is withheld from the viewer when the query read it (IDENTITY_WITHHELD_SQL).
   */
  prime(personId: string, state: MandateState, identityWithheld?: boolean): void {
    this.mandates.prime(personId, state);
    if (identityWithheld !== undefined) this.identityWithheld.prime(personId, identityWithheld);
  }

  /**
   * Forgets what this request holds about a person after a write that changes its mandates
   * or its restriction (a transfer, a closing): the answer of the mutation reads them again.
   */
  forget(personId: string): void {
    this.mandates.clear(personId);
    this.identityWithheld.clear(personId);
    this.consents.clear(personId);
    this.written.clear(personId);
    this.fullReadsByPerson.delete(personId);
    this.loadedForWrite.delete(personId);
    for (const loader of this.recordLoaders.values()) loader.clear(personId);
    for (const listener of this.forgetListeners) listener(personId);
  }

  get mayReadPersons(): boolean {
    return roleMay(this.viewer.role, Permission.PERSON_READ);
  }

  /** The viewer's mandate on the person: at once when the request holds it (a page primes it). */
  mandate(personId: string): MaybePromise<MandateState> {
    if (!this.mayReadPersons) return MandateState.NONE;
    return this.mandates.loadNow(personId);
  }

  /**
   * The decision for one domain of one person, before looking at the value. A restricted
   * person's identity is denied to every structure but the holding SPIP and those it named
   * (access-policy.md, "Restricted persons"): they see the pseudonym only.
   */
  decision(personId: string, domain: DataDomain, action: Action): MaybePromise<Decision> {
    const decision = this.policyDecision(personId, domain, action);
    if (domain !== DataDomain.IDENTITY) return decision;
    return whenReady(decision, (decided) =>
      decided === Decision.DENY ? decided : whenReady(this.identityWithheld.loadNow(personId), (withheld) => (withheld ? Decision.DENY : decided)),
    );
  }

  /** The policy table's decision for the viewer's mandate and the person's consents. */
  private policyDecision(personId: string, domain: DataDomain, action: Action): MaybePromise<Decision> {
    return whenReady(this.mandate(personId), (mandate) => {
      const grant = ACCESS_POLICY[domain][this.viewer.role][mandate][action];
      if (grant !== Grant.WITH_CONSENT) return decide(this.viewer.role, domain, mandate, false, action);
      return whenReady(this.consents.loadNow(personId), (consented) => decide(this.viewer.role, domain, mandate, consented.has(domain), action));
    });
  }

  /** Whether the viewer reads the domain now (for OWN, whether its structure wrote it). */
  async canRead(personId: string, domain: DataDomain): Promise<boolean> {
    const decision = await this.decision(personId, domain, 'read');
    if (decision === Decision.OWN) return (await this.written.load(personId)).has(domain);
    return decision !== Decision.DENY;
  }

  /** The domains for which a test on the person holds, in the enum's order. */
  private async domainsWhere(test: (domain: DataDomain) => Promise<boolean>): Promise<DataDomain[]> {
    const domains = Object.values(DataDomain);
    const kept = await Promise.all(domains.map(test));
    return domains.filter((_, index) => kept[index]);
  }

  visibleDomains(personId: string): Promise<DataDomain[]> {
    return this.domainsWhere((domain) => this.canRead(personId, domain));
  }

  writableDomains(personId: string): Promise<DataDomain[]> {
    return this.domainsWhere(async (domain) => (await this.decision(personId, domain, 'write')) === Decision.ALLOW);
  }

  /**
   * The domains the viewer reads for the person under a full mandate (policy and consent),
   * once per person and request: a list of records (the access log) asks it for each record.
   */
  private fullReads(personId: string): Promise<Set<DataDomain>> {
    let reads = this.fullReadsByPerson.get(personId);
    if (!reads) {
      reads = this.domainsWhere(async (domain) => (await this.decision(personId, domain, 'read')) === Decision.ALLOW).then((d) => new Set(d));
      this.fullReadsByPerson.set(personId, reads);
    }
    return reads;
  }

  /**
   * What the viewer gets of one record about a person (records.ts): whether it is visible,
   * and whether its actor may be named. Every path that shows, counts, names or acts on a
   * record asks this.
   */
  async record<R>(declaration: RecordDeclaration<R>, record: R): Promise<RecordDecision> {
    const facts = declaration.facts(record);
    if (!this.mayReadPersons || !facts.personId) return HIDDEN;
    const mandate = await this.mandate(facts.personId);
    if (mandate === MandateState.NONE) return HIDDEN;
    const structures = [facts.actorId, ...facts.partyIds].filter((id): id is string => id !== null);
    const [reads, kinds] = await Promise.all([
      mandate === MandateState.FULL ? this.fullReads(facts.personId) : new Set<DataDomain>(),
      this.structureKinds.loadMany(structures),
    ]);
    const kindOf = new Map(structures.map((id, index) => [id, kinds[index] instanceof Error ? undefined : (kinds[index] as StructureKind)]));
    return decideRecord(declaration as RecordDeclaration, facts, {
      structureId: this.viewer.structureId,
      mandate,
      reads: (domain) => reads.has(domain),
      kindOf: (id) => kindOf.get(id),
    });
  }

  /**
   * The records of one kind the viewer sees about a person, in their declared order, with
   * the visibility decided in the query (record-sql.ts, the SQL form of decideRecord): one
   * statement per kind for every person asked in the same tick (batched).
   */
  visibleRecords(declaration: RecordDeclaration<never>, personId: string, use: 'shown' | 'checked' = 'shown'): VisibleRow[] | Promise<VisibleRow[]> {
    if (!this.mayReadPersons) return [];
    // Read ahead by a page: at once, without a promise. Records only checked (a write's conflict
    // test) leave the server with nothing of theirs but what the refusal says: not audited as read.
    return whenReady(this.recordLoader(declaration).loadNow(personId), (shown) => (use === 'shown' ? this.audited(personId, shown) : shown));
  }

  /**
   * A page of the records of one kind about one person that the viewer sees, newest first by
   * (`keyColumn`, id), after a keyset position: decided in the query as visibleRecords, read
   * up to the page's size (a timeline can be long). Rows carry `cursor_at__`, the key as text.
   */
  async visibleRecordPage(
    declaration: RecordDeclaration<never>,
    personId: string,
    page: { first: number; after: { at: string; id: string } | null; keyColumn: string },
  ): Promise<{ shown: VisibleRow[]; hasNextPage: boolean }> {
    if (!this.mayReadPersons) return { shown: [], hasNextPage: false };
    if (!Number.isInteger(page.first) || page.first < 0) throw new Error('visibleRecordPage: first must be a non-negative integer');
    const sql = declaration.sql;
    const mandates = mandateSubquery(this.viewer.structureId, [personId]);
    const visible = recordVisibleSql(declaration as RecordDeclaration, this.viewer, 'm.state');
    const actorShown = recordActorShownSql(declaration as RecordDeclaration, this.viewer, 'm.state');
    const params: unknown[] = [...mandates.params, personId];
    let indexed = '';
    if (sql.personIds) {
      indexed = ` and ${sql.personIds} @> array[?::uuid]`;
      params.push(personId);
    }
    let keyset = '';
    if (page.after) {
      keyset = ` and (${page.keyColumn}, r.id) < (?::timestamptz, ?::uuid)`;
      params.push(page.after.at, page.after.id);
    }
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select r.*, ${actorShown.sql} as actor_shown__, ${sql.domains}::text[] as domains__,
              to_char(${page.keyColumn} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at__
       from ${sql.table} r join (${mandates.sql}) m on m.person_id = ${sql.personId}
       where ${sql.personId} = ?::uuid${indexed} and ${visible.sql}${keyset}
       order by ${page.keyColumn} desc, r.id desc
       limit ${page.first + 1}`,
      params,
    );
    const shown = groupVisible([personId], rows.slice(0, page.first)).get(personId) ?? [];
    return { shown: this.audited(personId, shown), hasNextPage: rows.length > page.first };
  }

  /** Calls `listener` whenever the request forgets a person (forget). */
  onForget(listener: (personId: string) => void): void {
    this.forgetListeners.push(listener);
  }

  /** What leaves the server is audited here, once for every kind of record. */
  audited(personId: string, shown: VisibleRow[]): VisibleRow[] {
    if (shown.length > 0) this.readAudit.touch(personId);
    for (const { domains } of shown) for (const domain of domains) this.readAudit.record(personId, domain);
    return shown;
  }

  /** The statement behind visibleRecords, for persons given as the `?::uuid[]` of their ids. */
  private visibleRecordsSql(declaration: RecordDeclaration<never>, persons: readonly string[]): { sql: string; params: unknown[] } {
    const mandates = mandateSubquery(this.viewer.structureId, persons);
    const sql = declaration.sql;
    const visible = recordVisibleSql(declaration as RecordDeclaration, this.viewer, 'm.state');
    const actorShown = recordActorShownSql(declaration as RecordDeclaration, this.viewer, 'm.state');
    return {
      sql: `select r.*, ${actorShown.sql} as actor_shown__, ${sql.domains}::text[] as domains__ from ${sql.table} r
           join (${mandates.sql}) m on m.person_id = ${sql.personId}
           where ${sql.personId} = any(?::uuid[]) and ${visible.sql}
           order by ${sql.orderBy}`,
      params: [...mandates.params, `{${persons.join(',')}}`],
    };
  }

  private recordLoader(declaration: RecordDeclaration<never>): PeekableLoader<string, VisibleRow[]> {
    let loader = this.recordLoaders.get(declaration.kind);
    if (!loader) {
      loader = new PeekableLoader(async (personIds) => {
        const { sql, params } = this.visibleRecordsSql(declaration, personIds);
        const byPerson = groupVisible(personIds, await this.em.execute<Record<string, unknown>[]>(sql, params));
        return personIds.map((id) => byPerson.get(id) ?? []);
      });
      this.recordLoaders.set(declaration.kind, loader);
    }
    return loader;
  }

  /** Whether the viewer sees a record. */
  async sees<R>(declaration: RecordDeclaration<R>, record: R): Promise<boolean> {
    return (await this.record(declaration, record)).visible;
  }

  /**
   * A write on a person's record needs a full mandate: an ended mandate is read-only, a
   * pending one only lets the receiver decide on the referral (`pendingDecides`).
   */
  async assertWritableMandate(personId: string, what: string, pendingDecides = false): Promise<MandateState> {
    const mandate = await this.assertVisible(personId);
    if (mandate === MandateState.FULL || (pendingDecides && mandate === MandateState.PENDING)) return mandate;
    throw new ForbiddenError(`${what} needs a ${pendingDecides ? 'full or pending' : 'full'} mandate on the person; yours is ${mandate}`);
  }

  /** The person is visible: any mandate. Otherwise NOT_FOUND, exactly as for an unknown id. */
  async assertVisible(personId: string): Promise<MandateState> {
    const mandate = await this.mandate(personId);
    if (mandate === MandateState.NONE) throw new NotFoundError('Person');
    return mandate;
  }

  /** The viewer holds a full mandate on the person. */
  async assertFullMandate(personId: string, what: string): Promise<void> {
    await this.assertWritableMandate(personId, what);
  }

  /**
   * A write in one domain of a person's record: the viewer holds a full mandate on the
   * person (assertFullMandate) and may write the domain now (assertCanWrite). When the
   * policy asks for the person's consent to write that domain, the mandate and the consents
   * are read in one statement instead of two.
   */
  async assertCanWriteUnderFullMandate(personId: string, domain: DataDomain, what: string): Promise<void> {
    await this.loadForWrite(personId, domain);
    await this.assertFullMandate(personId, what);
    await this.assertCanWrite(personId, domain);
  }

  /** Reads the mandate and the consents in force in one statement and primes both loaders (for this request only). */
  private async loadForWrite(personId: string, domain: DataDomain): Promise<void> {
    if (!this.mayReadPersons || this.loadedForWrite.has(personId)) return;
    // Only a full mandate lets one write: without a consent to ask for, the mandate alone is read.
    if (ACCESS_POLICY[domain][this.viewer.role][MandateState.FULL].write !== Grant.WITH_CONSENT) return;
    const { sql, params } = mandateAndConsentsSql(this.viewer.structureId, personId);
    const [row] = await this.em.execute<{ state: MandateState; consented: DataDomain[] }[]>(sql, params);
    this.primeForWrite(personId, row ?? null);
  }

  /**
   * What a write read under the person's lock (mandateAndConsentsSql's row, none without a
   * mandate, and the person's restriction when read with the lock): the checks that follow
   * read nothing more.
   */
  primeForWrite(personId: string, row: { state: MandateState; consented: DataDomain[] } | null, identityWithheld?: boolean): void {
    this.loadedForWrite.add(personId);
    this.prime(personId, row?.state ?? MandateState.NONE, identityWithheld);
    // Without a mandate no consent is looked at: the consents stay for their loader to read if ever asked.
    if (row) this.consents.prime(personId, new Set(row.consented));
  }

  /** The viewer may write the domain of this person now. */
  async assertCanWrite(personId: string, domain: DataDomain): Promise<void> {
    const mandate = await this.assertVisible(personId);
    const decision = await this.decision(personId, domain, 'write');
    if (decision !== Decision.ALLOW) {
      throw new ForbiddenError(`Your role (${this.viewer.role}) may not write ${domain} under a ${mandate} mandate`);
    }
  }
}

declare module '../context/request-context' {
  interface RequestContext {
    /** The access policy applied to this viewer, with this request's mandates and consents. */
    access: PersonAccess;
  }
}
