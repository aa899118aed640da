import { auditWrite } from '../audit/audit.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { Account } from '../accounts/account.entity';
import { Role } from '../auth/role';
import { PERSON_DATA_ROLES, consentCanWiden, roleHoldsDomain } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { Permission } from '../policy/permissions';
import { CONSENT_RECORD } from '../policy/record-kinds';
import { Person } from '../persons/person.entity';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { writeForPerson, writeRecord } from '../policy/person-write';
import { StructureKind } from '../shared/structure-kind';
import { Structure } from '../structures/structure.entity';
import { Consent } from './consent.entity';
import { ConsentDuration, type RecordConsentInput } from './consent.inputs';
import { ConsentView } from './consent.type';

/** The person-data role of each kind of structure that receives data. */
const KIND_ROLE: Partial<Record<StructureKind, Role>> = {
  [StructureKind.SPIP]: Role.PROBATION_OFFICER,
  [StructureKind.CSAPA]: Role.CARE_WORKER,
  [StructureKind.SIAO]: Role.HOUSING_COORDINATOR,
  [StructureKind.ASSOCIATION]: Role.SOCIAL_WORKER,
};

const YEAR_MS = 365 * 86_400_000;

/** Consent: recorded by a structure that holds the data, effective only where a mandate exists. */
export class ConsentService {
  /**
   * Consents the viewer may see (a record of its domain, policy/record-kinds.ts): those it
   * recorded, those it receives, and those of a domain it reads; lapsed ones, its own only.
   */
  async ofPerson(ctx: RequestContext, personId: string): Promise<ConsentView[]> {
    const shown = (await ctx.access.visibleRecords(CONSENT_RECORD, personId)).map(({ row }) => ctx.em.map(Consent, row));
    return shown.map((consent) => ConsentView.from(consent));
  }

  /**
   * A worker of a structure with a full mandate records the person's consent for a domain
   * its structure holds, to a structure (or to all) that the policy lets consent reach.
   */
  async record(ctx: RequestContext, input: RecordConsentInput): Promise<ConsentView> {
    assertAllowed(ctx.viewer, Permission.CONSENT_RECORD);
    const personId = parseId(input.personId, 'personId');
    await ctx.access.assertFullMandate(personId, 'Recording a consent');
    if (!roleHoldsDomain(ctx.viewer.role, input.domain)) {
      throw new ForbiddenError(`Your structure does not hold ${input.domain}: consent is recorded by a structure that holds the data`);
    }
    const expiresAt = this.expiry(input);
    const consent = await writeForPerson(ctx, personId, { what: 'Recording a consent' }, async (em) => {
      let recipient: Structure | null = null;
      if (input.recipientStructureId) {
        recipient = await em.findOne(Structure, parseId(input.recipientStructureId, 'recipientStructureId'));
        if (!recipient) throw new BadUserInputError('recipientStructureId is not a structure of the directory', 'recipientStructureId');
        if (recipient.id === ctx.viewer.structureId) {
          throw new BadUserInputError('Your structure holds this domain already', 'recipientStructureId');
        }
        const role = KIND_ROLE[recipient.kind];
        if (!role || !consentCanWiden(role, input.domain)) {
          throw new BadUserInputError(`The policy never shows ${input.domain} to a ${recipient.kind}, consent or not`, 'recipientStructureId');
        }
      } else if (!PERSON_DATA_ROLES.some((role) => consentCanWiden(role, input.domain))) {
        throw new BadUserInputError(`No structure reads ${input.domain} with consent`, 'domain');
      }
      const account = await em.findOneOrFail(Account, ctx.viewer.accountId);
      const created = new Consent(em.getReference(Person, personId), input.domain, account);
      created.recipient = recipient;
      created.expiresAt = expiresAt;
      em.persist(created);
      auditWrite(ctx, { personId, domains: [input.domain], action: 'recordConsent', ids: { consentId: created.id } });
      recordEvent(ctx, OutboxEventType.CONSENT_RECORDED, {
        personId,
        domain: input.domain,
        payload: { consentId: created.id, recipientId: recipient?.id ?? null },
      });
      return created;
    });
    return ConsentView.from(consent);
  }

  /** Any worker of a structure with a full mandate revokes a consent in force; effective on the next request. */
  async revoke(ctx: RequestContext, id: string): Promise<ConsentView> {
    assertAllowed(ctx.viewer, Permission.CONSENT_REVOKE);
    const consentId = parseId(id, 'id');
    const target = { entity: Consent, declaration: CONSENT_RECORD, id: consentId, label: 'Consent' };
    // Revoked by the structure that recorded it or by one that reads the domain, under a full mandate.
    const consent = await writeRecord(ctx, target, { what: 'Revoking a consent' }, async (found, em) => {
      const recorder = found.recordedByStructure.id === ctx.viewer.structureId;
      if (!recorder && !(await ctx.access.canRead(found.person.id, found.domain))) {
        throw new ForbiddenError(`Your structure does not read ${found.domain} for this person: it may not revoke this consent`);
      }
      if (found.revokedAt) throw new ConflictError('The consent is revoked already', { revokedAt: found.revokedAt.toISOString() });
      if (found.expiresAt && found.expiresAt <= new Date()) throw new ConflictError('The consent has expired already');
      found.revokedAt = new Date();
      found.revokedBy = em.getReference(Account, ctx.viewer.accountId);
      auditWrite(ctx, { personId: found.person.id, domains: [found.domain], action: 'revokeConsent', ids: { consentId } });
      recordEvent(ctx, OutboxEventType.CONSENT_REVOKED, { personId: found.person.id, domain: found.domain, payload: { consentId } });
      return found;
    });
    return ConsentView.from(consent);
  }

  private expiry(input: RecordConsentInput): Date | null {
    if (input.expiresAt && input.duration) {
      throw new BadUserInputError('Give expiresAt or duration, not both', 'duration');
    }
    if (input.duration) {
      return new Date(Date.now() + (input.duration === ConsentDuration.ONE_YEAR ? 1 : 2) * YEAR_MS);
    }
    if (input.expiresAt) {
      if (input.expiresAt <= new Date()) throw new BadUserInputError('expiresAt must be in the future', 'expiresAt');
      if (input.expiresAt.getTime() > Date.now() + 10 * YEAR_MS) {
        throw new BadUserInputError('expiresAt must be within ten years', 'expiresAt');
      }
      return input.expiresAt;
    }
    return null;
  }
}

export const consentService = new ConsentService();
