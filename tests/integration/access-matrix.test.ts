import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../src/accounts/account.entity';
import { Role } from '../../src/auth/role';
import { Consent } from '../../src/consents/consent.entity';
import { FollowUp } from '../../src/support/follow-up.entity';
import { PersonHealthRecord } from '../../src/health/health-record.entity';
import { PersonHealthSummary } from '../../src/health/health-summary.entity';
import { RightKind, RightStatus } from '../../src/persons/person.enums';
import { RightStep } from '../../src/persons/right-step.entity';
import { ACCESS_POLICY, Grant, MandateState } from '../../src/policy/access-policy';
import { DataDomain } from '../../src/policy/data-domain';
import { Permission, roleMay } from '../../src/policy/permissions';
import { Referral } from '../../src/support/referral.entity';
import { ReferralStatus } from '../../src/support/referral.enums';
import { Need } from '../../src/shared/need';
import { Structure } from '../../src/structures/structure.entity';
import { PersonFactory } from '../../seeds/factories/person.factory';
import {
  PersonDocument,
  RecordHealthDocument,
  UpdateHousingSituationDocument,
  UpdateIdentityDocument,
  UpdateJudicialDetailDocument,
  UpdateJudicialSituationDocument,
  UpdateSocialSituationDocument,
} from '../generated/graphql';
import { TestApp, errorCodes, type GraphQLResult } from '../support/test-app';

/**
 * The exhaustive matrix, generated from ACCESS_POLICY: every role × domain × mandate
 * state × consent state, read and write, through the real HTTP server. Each scenario is
 * one person arranged in the database for one demo account; the expectations are the
 * table's cells; the requests are the API's.
 */

const ACTOR: Record<Role, string> = {
  [Role.PROBATION_OFFICER]: 'cpip.grenoble',
  [Role.CARE_WORKER]: 'soignant.csapa38',
  [Role.HOUSING_COORDINATOR]: 'coord.siao38',
  [Role.SOCIAL_WORKER]: 'ts.relais38',
  [Role.EVALUATOR]: 'eval.ofdt',
  [Role.STRUCTURE_ADMIN]: 'admin.relais38',
  [Role.PLATFORM_ADMIN]: 'admin',
};

/** Mandate scenarios: ENDED is played twice, with the viewer's structure as last writer and without. */
const MANDATES = ['FULL', 'PENDING', 'ENDED_OWN_WRITINGS', 'ENDED_OTHERS_WRITINGS', 'NONE'] as const;
type MandateScenario = (typeof MANDATES)[number];

const CONSENTS = ['NONE', 'GIVEN', 'GIVEN_TO_ALL', 'REVOKED', 'EXPIRED'] as const;
type ConsentScenario = (typeof CONSENTS)[number];

function stateOf(scenario: MandateScenario): MandateState {
  return scenario.startsWith('ENDED') ? MandateState.ENDED : (scenario as MandateState);
}

/** What a read cell promises for this scenario. */
function readable(role: Role, domain: DataDomain, mandate: MandateScenario, consent: ConsentScenario): boolean {
  const grant = ACCESS_POLICY[domain][role][stateOf(mandate)].read;
  switch (grant) {
    case Grant.ALWAYS:
    case Grant.CORE_ONLY:
      return true;
    case Grant.WITH_CONSENT:
      return consent === 'GIVEN' || consent === 'GIVEN_TO_ALL';
    case Grant.OWN_WRITINGS:
      return mandate === 'ENDED_OWN_WRITINGS';
    case Grant.NEVER:
      return false;
  }
}

function writable(role: Role, domain: DataDomain, mandate: MandateScenario, consent: ConsentScenario): boolean {
  const grant = ACCESS_POLICY[domain][role][stateOf(mandate)].write;
  if (grant === Grant.ALWAYS) return true;
  if (grant === Grant.WITH_CONSENT) return consent === 'GIVEN' || consent === 'GIVEN_TO_ALL';
  return false;
}

const FIELD: Record<DataDomain, (person: NonNullable<PersonResult['person']>) => unknown> = {
  [DataDomain.IDENTITY]: (p) => p.identity,
  [DataDomain.JUDICIAL]: (p) => p.judicial,
  [DataDomain.JUDICIAL_DETAIL]: (p) => p.judicial?.detail ?? null,
  [DataDomain.SOCIAL]: (p) => p.social,
  [DataDomain.HOUSING]: (p) => p.housing,
  [DataDomain.HEALTH_SUMMARY]: (p) => p.healthSummary,
  [DataDomain.HEALTH]: (p) => p.health,
};

type PersonResult = NonNullable<Awaited<ReturnType<TestApp['request']>>['data']> & {
  person: {
    visibleDomains: string[];
    writableDomains: string[];
    mandate: string;
    identity: unknown;
    judicial: { careObligation: boolean | null; detail: unknown } | null;
    social: unknown;
    housing: unknown;
    healthSummary: unknown;
    health: unknown;
  } | null;
};

interface Scenario {
  role: Role;
  mandate: MandateScenario;
  consent: ConsentScenario;
  personId: string;
}

const DAY = 86_400_000;

describe('the access matrix, cell by cell, through HTTP', () => {
  let app: TestApp;
  const scenarios: Scenario[] = [];

  async function arrange(em: EntityManager): Promise<void> {
    const other = await em.findOneOrFail(Structure, { name: 'SPIP de Maine-et-Loire' });
    const otherAccount = await em.findOneOrFail(Account, { login: 'cpip.angers' });
    const recorder = await em.findOneOrFail(Account, { login: 'soignant.csapa44' });
    const persons = new PersonFactory(em);
    for (const role of Object.values(Role)) {
      const actor = await em.findOneOrFail(Account, { login: ACTOR[role] }, { populate: ['structure'] });
      const own = actor.structure;
      const isSpip = own.kind === 'SPIP';
      for (const mandate of MANDATES) {
        for (const consent of CONSENTS) {
          const holder = isSpip && mandate === 'FULL' ? own : other;
          const record = persons.makeRecord({ spip: holder, expectedReleaseDate: '2030-01-01', careObligation: true, offence: 'Test' });
          if (isSpip && mandate.startsWith('ENDED')) record.person.registeredBy = own;
          record.person.lastContactAt = new Date();
          const writer = mandate === 'ENDED_OWN_WRITINGS' ? own : other;
          const summary = new PersonHealthSummary(record.person, true);
          const health = new PersonHealthRecord(record.person);
          const step = new RightStep(record.person, RightKind.RSA, RightStatus.SUBMITTED);
          step.updatedByStructure = writer;
          em.persist([summary, health, step]);
          for (const row of [record.identity, record.judicial, record.judicialDetail, record.social, record.housing, summary, health]) {
            row.writtenBy = writer;
          }
          if (!isSpip && mandate !== 'NONE') {
            const status = { FULL: ReferralStatus.ACCEPTED, PENDING: ReferralStatus.PENDING }[mandate as 'FULL' | 'PENDING'] ?? ReferralStatus.COMPLETED;
            const referral = new Referral(record.person, other, own, [Need.SOCIAL_SUPPORT], otherAccount);
            referral.status = status;
            if (status === ReferralStatus.COMPLETED) referral.closedAt = new Date(Date.now() - 10 * DAY);
            em.persist(referral);
            if (status !== ReferralStatus.PENDING) {
              const followUp = new FollowUp(record.person, own, '2026-01-01');
              followUp.referral = referral;
              if (status === ReferralStatus.COMPLETED) followUp.endDate = new Date(Date.now() - DAY).toISOString().slice(0, 10);
              em.persist(followUp);
            }
          }
          if (isSpip && mandate === 'PENDING') {
            // SPIPs receive no referrals in practice; the cell is still tested as the table states it.
            const referral = new Referral(record.person, other, own, [Need.SOCIAL_SUPPORT], otherAccount);
            em.persist(referral);
          }
          if (consent !== 'NONE') {
            for (const domain of Object.values(DataDomain)) {
              const given = new Consent(record.person, domain, recorder, new Date(Date.now() - 30 * DAY));
              given.recipient = consent === 'GIVEN_TO_ALL' ? null : own;
              if (consent === 'REVOKED') given.revokedAt = new Date(Date.now() - DAY);
              if (consent === 'EXPIRED') given.expiresAt = new Date(Date.now() - DAY);
              em.persist(given);
            }
          }
          scenarios.push({ role, mandate, consent, personId: record.person.id });
        }
      }
    }
    await em.flush();
  }

  beforeAll(async () => {
    app = await TestApp.start();
    await arrange(app.em());
  });

  afterAll(async () => {
    await app.close();
  });

  const cases = Object.values(Role).flatMap((role) =>
    MANDATES.flatMap((mandate) => CONSENTS.map((consent) => [role, mandate, consent] as const)),
  );

  it('covers every role × mandate × consent scenario', () => {
    expect(scenarios).toHaveLength(Object.values(Role).length * MANDATES.length * CONSENTS.length);
  });

  it.each(cases)('%s, mandate %s, consent %s: reads and writes as the table says', async (role, mandate, consent) => {
    const { personId } = scenarios.find((s) => s.role === role && s.mandate === mandate && s.consent === consent)!;
    const actor = app.as(ACTOR[role]);
    const domains = Object.values(DataDomain);

    // Read: every domain field, and the visibleDomains and writableDomains the API announces.
    const read = (await actor.query(PersonDocument, { id: personId })) as GraphQLResult<PersonResult>;
    if (!roleMay(role, Permission.PERSON_READ)) {
      expect(errorCodes(read)).toEqual(['FORBIDDEN']);
      expect(read.data).toEqual({ person: null });
    } else if (mandate === 'NONE') {
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({ person: null });
    } else {
      expect(read.errors).toBeUndefined();
      const person = read.data!.person!;
      expect(person.mandate).toBe(stateOf(mandate));
      const expectedVisible = domains.filter((domain) => readable(role, domain, mandate, consent));
      expect(person.visibleDomains).toEqual(expectedVisible);
      for (const domain of domains) {
        const value = FIELD[domain](person);
        if (expectedVisible.includes(domain)) expect({ domain, value }).toEqual({ domain, value: expect.anything() });
        else expect({ domain, value }).toEqual({ domain, value: null });
      }
      if (ACCESS_POLICY[DataDomain.JUDICIAL][role][stateOf(mandate)].read === Grant.CORE_ONLY) {
        expect(person.judicial!.careObligation).toBeNull();
      }
      expect(person.writableDomains).toEqual(domains.filter((domain) => writable(role, domain, mandate, consent)));
    }

    // Write: one mutation per domain (recordHealth writes HEALTH and HEALTH_SUMMARY together).
    const writes: [DataDomain[], () => Promise<GraphQLResult<unknown>>][] = [
      [[DataDomain.IDENTITY], () => actor.query(UpdateIdentityDocument, { personId, input: { firstName: 'Matrix', lastName: 'Cell' } })],
      [[DataDomain.JUDICIAL], () => actor.query(UpdateJudicialSituationDocument, { personId, input: { measure: 'NONE', careObligation: true } })],
      [[DataDomain.JUDICIAL_DETAIL], () => actor.query(UpdateJudicialDetailDocument, { personId, input: { offence: 'Test' } })],
      [[DataDomain.SOCIAL], () => actor.query(UpdateSocialSituationDocument, { personId, input: { resources: 'Test' } })],
      [[DataDomain.HOUSING], () => actor.query(UpdateHousingSituationDocument, { personId, input: { status: 'NONE' } })],
      [[DataDomain.HEALTH, DataDomain.HEALTH_SUMMARY], () => actor.query(RecordHealthDocument, { personId, input: { inCare: true } })],
    ];
    for (const [written, send] of writes) {
      const allowed = written.every((domain) => writable(role, domain, mandate, consent));
      const result = await send();
      const expected = allowed
        ? []
        : !roleMay(role, Permission.PERSON_WRITE)
          ? ['FORBIDDEN']
          : mandate === 'NONE'
            ? ['NOT_FOUND']
            : ['FORBIDDEN'];
      expect({ written, codes: errorCodes(result) }).toEqual({ written, codes: expected });
    }
  });
});
