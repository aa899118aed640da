import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer';
import { loadConsentedDomains } from './consent.repository';
import { ForbiddenError, NotFoundError } from '../shared/errors';
import { StructureKind } from '../shared/structure-kind';
import { ACCESS_POLICY, Decision, Grant, MandateState, decide, type Action } from './access-policy';
import { loadWrittenDomains } from './authorship.repository';
import { DataDomain } from './data-domain';
import { loadMandates } from './mandate.repository';
import { Permission, roleMay } from './permissions';

/**
 * The policy applied to one viewer for one request: mandates, consents and what the
 * viewer's structure wrote (what an ended mandate still shows) are loaded in batches,
 * per request, and never cached beyond it, so a revoked consent or an ended mandate
 * takes effect on the next request.
 */
export class PersonAccess {
  private readonly mandates: DataLoader<string, MandateState>;
  private readonly consents: DataLoader<string, Set<DataDomain>>;
  private readonly written: DataLoader<string, Set<DataDomain>>;

  constructor(
    em: EntityManager,
    private readonly viewer: Viewer,
  ) {
    this.mandates = new DataLoader(async (ids) => {
      const found = await loadMandates(em, viewer.structureId, ids);
      return ids.map((id) => found.get(id) ?? MandateState.NONE);
    });
    this.consents = new DataLoader(async (ids) => {
      const found = await loadConsentedDomains(em, viewer.structureId, ids);
      return ids.map((id) => found.get(id) ?? new Set<DataDomain>());
    });
    this.written = new DataLoader(async (ids) => {
      const found = await loadWrittenDomains(em, viewer.structureId, ids);
      return ids.map((id) => found.get(id) ?? new Set<DataDomain>());
    });
  }

  /** Records a mandate already computed by a scoped query (a page of persons). */
  prime(personId: string, state: MandateState): void {
    this.mandates.prime(personId, state);
  }

  get mayReadPersons(): boolean {
    return roleMay(this.viewer.role, Permission.PERSON_READ);
  }

  async mandate(personId: string): Promise<MandateState> {
    if (!this.mayReadPersons) return MandateState.NONE;
    return this.mandates.load(personId);
  }

  /** The decision for one domain of one person, before looking at the value. */
  async decision(personId: string, domain: DataDomain, action: Action): Promise<Decision> {
    const mandate = await this.mandate(personId);
    const grant = ACCESS_POLICY[domain][this.viewer.role][mandate][action];
    const consented = grant === Grant.WITH_CONSENT ? (await this.consents.load(personId)).has(domain) : false;
    return decide(this.viewer.role, domain, mandate, consented, action);
  }

  /** Whether the viewer reads the domain now (for OWN, whether its structure wrote it). */
  async canRead(personId: string, domain: DataDomain): Promise<boolean> {
    const decision = await this.decision(personId, domain, 'read');
    if (decision === Decision.OWN) return (await this.written.load(personId)).has(domain);
    return decision !== Decision.DENY;
  }

  async visibleDomains(personId: string): Promise<DataDomain[]> {
    const domains = Object.values(DataDomain);
    const readable = await Promise.all(domains.map((domain) => this.canRead(personId, domain)));
    return domains.filter((_, index) => readable[index]);
  }

  async writableDomains(personId: string): Promise<DataDomain[]> {
    const domains = Object.values(DataDomain);
    const decisions = await Promise.all(domains.map((domain) => this.decision(personId, domain, 'write')));
    return domains.filter((_, index) => decisions[index] === Decision.ALLOW);
  }

  /**
   * Whether the viewer sees a record about the person (a follow-up, appointment, case note,
   * placement) held by a structure, under a domain. Its own structure's records, under any
   * mandate; others', under a full mandate and the domain's policy, and, for a record at a
   * CSAPA (which tells of care), only with HEALTH_SUMMARY too.
   */
  async canSeeRecord(
    personId: string,
    record: { domain: DataDomain; structureId: string; structureKind: StructureKind },
  ): Promise<boolean> {
    const mandate = await this.mandate(personId);
    if (mandate === MandateState.NONE) return false;
    if (record.structureId === this.viewer.structureId) return true;
    if (mandate !== MandateState.FULL) return false;
    if ((await this.decision(personId, record.domain, 'read')) !== Decision.ALLOW) return false;
    const tellsCare = record.structureKind === StructureKind.CSAPA && record.domain !== DataDomain.HEALTH;
    return !tellsCare || record.domain === DataDomain.HEALTH_SUMMARY || (await this.canRead(personId, DataDomain.HEALTH_SUMMARY));
  }

  /** The person is visible: any mandate. Otherwise NOT_FOUND, exactly as for an unknown id. */
  async assertVisible(personId: string): Promise<MandateState> {
    const mandate = await this.mandate(personId);
    if (mandate === MandateState.NONE) throw new NotFoundError('Person');
    return mandate;
  }

  /** The viewer holds a full mandate on the person. */
  async assertFullMandate(personId: string, what: string): Promise<void> {
    const mandate = await this.assertVisible(personId);
    if (mandate !== MandateState.FULL) {
      throw new ForbiddenError(`${what} needs a full mandate on the person; yours is ${mandate}`);
    }
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
