import type { EntityManager } from '@mikro-orm/postgresql';
import { auditWrite } from '../audit/audit.service';
import { MandateState } from '../policy/access-policy';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { personCountSql, personPageSql } from '../policy/person-scope';
import { Permission } from '../policy/permissions';
import type { RequestContext } from '../context/request-context';
import { RIGHT_STEP_RECORD } from '../policy/record-kinds';
import { BadUserInputError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { type MaybePromise, whenReady } from '../shared/maybe-async';
import { KeysetEdge, PageInfoView, decodeCursor } from '../shared/pagination';
import { assertVersion } from '../context/transaction';
import { writeForPerson, writePersons } from '../policy/person-write';
import { StructureKind } from '../shared/structure-kind';
import { Structure } from '../structures/structure.entity';
import type { PersonDomainRow } from './person-domain.entity';
import { PersonIdentity } from './person-identity.entity';
import { PersonJudicialDetail } from './person-judicial-detail.entity';
import { PersonJudicial } from './person-judicial.entity';
import { PersonSocial } from './person-social.entity';
import { Person } from './person.entity';
import { EmploymentStatus, type Sex } from './person.enums';
import type {
  PersonsArgs,
  RegisterPersonInput,
  UpdateIdentityInput,
  UpdateJudicialDetailInput,
  UpdateJudicialSituationInput,
  UpdateSocialSituationInput,
} from './person.inputs';
import { personLoaders } from './person.loaders';
import { personRecord } from './person.rows';
import { executePrepared } from '../shared/prepared';
import { persistNewPerson } from './person-registration';
import { RightStep } from './right-step.entity';
import {
  JudicialDetailView,
  JudicialSituationView,
  PersonConnectionView,
  PersonIdentityView,
  PersonView,
  SocialSituationView,
} from './person.type';

/** The list a persons cursor belongs to (sealed in it). */
export const PERSONS_LIST = 'persons';

const DAY_MS = 86_400_000;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function offsetDays(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The birth dates partners may type (registration, identity, the import): [min, max, what]. */
export function birthDateWindow(): [string, string, string] {
  return ['1900-01-01', offsetDays(-365 * 13), 'a past birth date'];
}

/** The expected release and sentence end dates partners may type (registration, the import). */
export function judicialDateWindow(): [string, string, string] {
  return [offsetDays(-365 * 5), offsetDays(365 * 50), 'a plausible date'];
}

/** Calendar dates partners may type: checked against a window, named when outside. */
export function assertDateWithin(value: string | null | undefined, argumentName: string, min: string, max: string, what: string): void {
  if (value && (value < min || value > max)) {
    throw new BadUserInputError(`${argumentName} must be ${what} (between ${min} and ${max})`, argumentName);
  }
}


/** Persons: registration, the scoped list, and the domains the guard lets through. */
export class PersonService {
  /** A page of the persons under the viewer's structure's mandates, in registration order (keyset). */
  async list(ctx: RequestContext, args: PersonsArgs): Promise<PersonConnectionView> {
    assertAllowed(ctx.viewer, Permission.PERSON_READ);
    const first = args.first ?? 20;
    const after = args.after ? decodeCursor(args.after, PERSONS_LIST) : null;
    // A page whose fields all have a plan is answered in one statement (person.plan.ts); this is the resolvers' page.
    const statement = personPageSql(ctx.viewer, { mandate: args.mandate ?? null, search: args.search ?? null, after, first });
    const rows = await executePrepared<Record<string, unknown>>(ctx.em, statement.sql, statement.params);
    const page = rows.slice(0, first);
    const edges = page.map((row) => {
      const person = personRecord(row);
      ctx.access.prime(person.id, row.mandate_state as MandateState, row.identity_withheld === true);
      personLoaders(ctx).personById.prime(person.id, person);
      ctx.readAudit.touch(person.id);
      return new KeysetEdge(PersonView.from(person), { createdAt: String(row.cursor_at), id: person.id }, PERSONS_LIST);
    });
    return {
      edges,
      pageInfo: PageInfoView.of(edges, rows.length > first, args.after),
      mandate: args.mandate ?? null,
      search: args.search ?? null,
    };
  }

  /** How many persons the list holds in all pages: the same scoped rows. */
  async count(ctx: RequestContext, mandate: MandateState | null, search: string | null = null): Promise<number> {
    assertAllowed(ctx.viewer, Permission.PERSON_READ);
    const { sql, params } = personCountSql(ctx.viewer, { mandate, search });
    const [row] = await ctx.em.getConnection().execute<{ total: number }[]>(sql, params);
    return row.total;
  }

  /** One person under a mandate of the viewer's structure; null alike when unknown or out of mandate. */
  async get(ctx: RequestContext, id: string): Promise<PersonView | null> {
    assertAllowed(ctx.viewer, Permission.PERSON_READ);
    const personId = parseId(id, 'id');
    if ((await ctx.access.mandate(personId)) === MandateState.NONE) return null;
    const person = await personLoaders(ctx).personById.load(personId);
    if (person) ctx.readAudit.touch(person.id);
    return person ? PersonView.from(person) : null;
  }

  /** The person a visible record points to (batched). */
  async byId(ctx: RequestContext, personId: string): Promise<PersonView> {
    const person = await personLoaders(ctx).personById.load(personId);
    if (!person) throw new Error(`person ${personId} referenced but missing`);
    return PersonView.from(person);
  }

  async mandate(ctx: RequestContext, personId: string): Promise<MandateState> {
    return ctx.access.mandate(personId);
  }

  async visibleDomains(ctx: RequestContext, personId: string): Promise<DataDomain[]> {
    return ctx.access.visibleDomains(personId);
  }

  async writableDomains(ctx: RequestContext, personId: string): Promise<DataDomain[]> {
    return ctx.access.writableDomains(personId);
  }

  /** At once when the request holds it (a page reads identities ahead). */
  identityOf(ctx: RequestContext, personId: string): MaybePromise<PersonIdentityView | null> {
    return whenReady(personLoaders(ctx).identityByPerson.loadNow(personId), (row) => (row ? PersonIdentityView.from(row) : null));
  }

  async judicialOf(ctx: RequestContext, personId: string): Promise<JudicialSituationView | null> {
    const row = await personLoaders(ctx).judicialByPerson.load(personId);
    return row ? JudicialSituationView.from(row) : null;
  }

  async judicialDetailOf(ctx: RequestContext, personId: string): Promise<JudicialDetailView | null> {
    const row = await personLoaders(ctx).judicialDetailByPerson.load(personId);
    return row ? JudicialDetailView.from(row) : null;
  }

  async socialOf(ctx: RequestContext, personId: string): Promise<SocialSituationView | null> {
    const [row, steps] = await Promise.all([personLoaders(ctx).socialByPerson.load(personId), ctx.access.visibleRecords(RIGHT_STEP_RECORD, personId)]);
    if (!row) return null;
    const social = SocialSituationView.from(row, steps.map((step) => ctx.em.map(RightStep, step.row as never)));
    // A step last changed by a CSAPA keeps its status but not its note, for whoever may not know of care.
    social.rights.forEach((step, index) => {
      if (!steps[index].actorShown) step.note = null;
    });
    return social;
  }

  /** A SPIP registers a detainee; its file is open and the SPIP holds it (full mandate). */
  async register(ctx: RequestContext, input: RegisterPersonInput): Promise<PersonView> {
    assertAllowed(ctx.viewer, Permission.PERSON_REGISTER);
    assertDateWithin(input.birthDate, 'birthDate', ...birthDateWindow());
    assertDateWithin(input.expectedReleaseDate, 'expectedReleaseDate', ...judicialDateWindow());
    assertDateWithin(input.sentenceEndDate, 'sentenceEndDate', ...judicialDateWindow());
    const person = await writePersons(ctx, async (_door, em) => {
      const establishment = await this.prison(em, input.establishmentId ?? null);
      return persistNewPerson(ctx, { ...input, sex: (input.sex as Sex | null) ?? null, establishment }, 'registerPerson');
    });
    ctx.access.prime(person.id, MandateState.FULL);
    return PersonView.from(person);
  }

  /** Names, birth date, sex, contact: written by the person-data roles holding a full mandate. */
  updateIdentity(ctx: RequestContext, personId: string, input: UpdateIdentityInput, expectedVersion?: number | null) {
    assertDateWithin(input.birthDate, 'birthDate', '1900-01-01', offsetDays(-365 * 13), 'a past birth date');
    return this.writeDomain(ctx, personId, DataDomain.IDENTITY, PersonIdentity, expectedVersion, 'updateIdentity', async (row) => {
      Object.assign(row, {
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate: input.birthDate ?? null,
        sex: input.sex ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
      });
    });
  }

  /** Establishment, release, measure, care obligation: the SPIP's to write. */
  updateJudicial(ctx: RequestContext, personId: string, input: UpdateJudicialSituationInput, expectedVersion?: number | null) {
    assertDateWithin(input.expectedReleaseDate, 'expectedReleaseDate', offsetDays(-365 * 5), offsetDays(365 * 50), 'a plausible date');
    assertDateWithin(input.releasedOn, 'releasedOn', offsetDays(-365 * 50), today(), 'today or earlier');
    return this.writeDomain(ctx, personId, DataDomain.JUDICIAL, PersonJudicial, expectedVersion, 'updateJudicialSituation', async (row, em) => {
      row.establishment = await this.prison(em, input.establishmentId ?? null);
      row.expectedReleaseDate = input.expectedReleaseDate ?? null;
      row.releasedOn = input.releasedOn ?? null;
      row.measure = input.measure;
      row.careObligation = input.careObligation;
    });
  }

  updateJudicialDetail(ctx: RequestContext, personId: string, input: UpdateJudicialDetailInput, expectedVersion?: number | null) {
    return this.writeDomain(ctx, personId, DataDomain.JUDICIAL_DETAIL, PersonJudicialDetail, expectedVersion, 'updateJudicialDetail', async (row) => {
      row.offence = input.offence ?? null;
      row.sentenceEndDate = input.sentenceEndDate ?? null;
      row.prisonNumber = input.prisonNumber ?? null;
    });
  }

  updateSocial(ctx: RequestContext, personId: string, input: UpdateSocialSituationInput, expectedVersion?: number | null) {
    return this.writeDomain(ctx, personId, DataDomain.SOCIAL, PersonSocial, expectedVersion, 'updateSocialSituation', async (row) => {
      row.resources = input.resources ?? null;
      row.employment = input.employment ?? null;
      row.employmentStatus = input.employmentStatus ?? EmploymentStatus.UNKNOWN;
    });
  }

  /**
   * One domain row written under the policy, at the version the client read, with its
   * audit entry in the same transaction (also the housing module's, for its row).
   */
  async writeDomain<T extends PersonDomainRow>(
    ctx: RequestContext,
    id: string,
    domain: DataDomain,
    entity: { new (...args: never[]): T; create(person: Person): T },
    expectedVersion: number | null | undefined,
    action: string,
    apply: (row: T, em: EntityManager) => Promise<void>,
  ): Promise<PersonView> {
    assertAllowed(ctx.viewer, Permission.PERSON_WRITE);
    const personId = parseId(id, 'personId');
    await writeForPerson(ctx, personId, { what: `Writing ${domain}`, domain }, async (em) => {
      const person = await em.findOneOrFail(Person, personId);
      let row = (await em.findOne(entity, { person: personId } as never)) as T | null;
      assertVersion(domain, row?.version ?? 0, expectedVersion);
      if (!row) {
        row = entity.create(person);
        em.persist(row);
      }
      await apply(row, em);
      row.writtenBy = em.getReference(Structure, ctx.viewer.structureId);
      auditWrite(ctx, { personId, domains: [domain], action });
    });
    return this.byId(ctx, personId);
  }

  private async prison(em: EntityManager, establishmentId: string | null): Promise<Structure | null> {
    if (!establishmentId) return null;
    const establishment = await em.findOne(Structure, { id: establishmentId.toLowerCase() });
    if (!establishment || establishment.kind !== StructureKind.PRISON) {
      throw new BadUserInputError('establishmentId must be the id of a prison', 'establishmentId');
    }
    return establishment;
  }
}

export const personService = new PersonService();
