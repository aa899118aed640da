import { auditWrite } from '../audit/audit.service';
import type { RequestContext } from '../context/request-context';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { DataDomain } from '../policy/data-domain';
import { Structure } from '../structures/structure.entity';
import type { PersonDomainRow } from './person-domain.entity';
import { PersonIdentity } from './person-identity.entity';
import { PersonJudicialDetail } from './person-judicial-detail.entity';
import { PersonJudicial } from './person-judicial.entity';
import { PersonSocial } from './person-social.entity';
import { Person } from './person.entity';
import { JudicialMeasure, type Sex } from './person.enums';
import { newPseudonym } from './pseudonym';

/**
 * The domain rows other modules keep for every person, made at registration (housing adds the
 * person's housing situation from its own folder: persons imports none of the modules above it).
 */
const REGISTERED_ROWS: ((person: Person) => PersonDomainRow)[] = [];

/** Adds a domain row that every registered person gets, written by the registering SPIP. */
export function registerDomainRow(make: (person: Person) => PersonDomainRow): void {
  REGISTERED_ROWS.push(make);
}

/** What a SPIP knows of a person it registers (registerPerson, the import), its prison resolved. */
export interface NewPersonFields {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  sex?: Sex | null;
  establishment: Structure | null;
  expectedReleaseDate?: string | null;
  measure?: JudicialMeasure | null;
  careObligation?: boolean | null;
  offence?: string | null;
  prisonNumber?: string | null;
  sentenceEndDate?: string | null;
}

/**
 * A person registered by the viewer's SPIP, within a write: the file open and held by the SPIP,
 * every domain row written by it, the audit entry and the PERSON_REGISTERED event, all in the
 * write's transaction. Persisted, not flushed: the commit inserts it.
 */
export function persistNewPerson(ctx: RequestContext, input: NewPersonFields, action: string): Person {
  const { em } = ctx;
  const spip = em.getReference(Structure, ctx.viewer.structureId);
  const created = new Person(newPseudonym(), spip);
  const identity = new PersonIdentity(created, input.firstName, input.lastName);
  identity.birthDate = input.birthDate ?? null;
  identity.sex = input.sex ?? null;
  const judicial = new PersonJudicial(created);
  judicial.establishment = input.establishment;
  judicial.expectedReleaseDate = input.expectedReleaseDate ?? null;
  judicial.measure = input.measure ?? JudicialMeasure.NONE;
  judicial.careObligation = input.careObligation ?? false;
  const detail = new PersonJudicialDetail(created);
  detail.offence = input.offence ?? null;
  detail.prisonNumber = input.prisonNumber ?? null;
  detail.sentenceEndDate = input.sentenceEndDate ?? null;
  const social = new PersonSocial(created);
  const rows: PersonDomainRow[] = [identity, judicial, detail, social, ...REGISTERED_ROWS.map((row) => row(created))];
  for (const row of rows) row.writtenBy = spip;
  em.persist([created, ...rows]);
  auditWrite(ctx, {
    personId: created.id,
    domains: [DataDomain.IDENTITY, DataDomain.JUDICIAL, DataDomain.JUDICIAL_DETAIL],
    action,
  });
  recordEvent(ctx, OutboxEventType.PERSON_REGISTERED, {
    personId: created.id,
    domain: DataDomain.JUDICIAL,
    payload: { personId: created.id, spipId: ctx.viewer.structureId },
  });
  return created;
}
