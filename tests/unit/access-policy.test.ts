import { Role } from '../../src/auth/role';
import {
  ACCESS_POLICY,
  Decision,
  Grant,
  MandateState,
  consentCanWiden,
  decide,
  recordDomain,
  roleHoldsDomain,
} from '../../src/policy/access-policy';
import { DataDomain } from '../../src/policy/data-domain';
import { Need } from '../../src/shared/need';
import { StructureKind } from '../../src/shared/structure-kind';

const { ALWAYS: Y, WITH_CONSENT: C, NEVER: N } = Grant;
const PO = Role.PROBATION_OFFICER;
const CW = Role.CARE_WORKER;
const HC = Role.HOUSING_COORDINATOR;
const SW = Role.SOCIAL_WORKER;

/**
 * The table of shared/spec/access-policy.md ("Data domains and who reads them under a full
 * mandate"), copied by hand: the policy in code must say exactly this.
 * Columns: SPIP, CSAPA, SIAO, ASSOCIATION.
 */
const SPEC_FULL_MANDATE: Record<DataDomain, [Grant, Grant, Grant, Grant]> = {
  [DataDomain.IDENTITY]: [Y, Y, Y, Y],
  [DataDomain.JUDICIAL]: [Y, Y, Y, Y],
  [DataDomain.JUDICIAL_DETAIL]: [Y, N, N, N],
  [DataDomain.SOCIAL]: [Y, C, Y, Y],
  [DataDomain.HOUSING]: [Y, C, Y, Y],
  [DataDomain.HEALTH_SUMMARY]: [C, Y, N, C],
  [DataDomain.HEALTH]: [N, Y, N, N],
};

describe('ACCESS_POLICY says what access-policy.md says', () => {
  it.each(Object.entries(SPEC_FULL_MANDATE))('%s under a full mandate: read by SPIP, CSAPA, SIAO, association', (domain, grants) => {
    const cells = [PO, CW, HC, SW].map((role) => ACCESS_POLICY[domain as DataDomain][role][MandateState.FULL].read);
    expect(cells).toEqual(grants);
  });

  it('writes under a full mandate: each role the domains it reads, health only by care workers, judicial only by probation officers', () => {
    for (const domain of Object.values(DataDomain)) {
      for (const role of [PO, CW, HC, SW]) {
        const { read, write } = ACCESS_POLICY[domain][role][MandateState.FULL];
        const restricted =
          ((domain === DataDomain.HEALTH || domain === DataDomain.HEALTH_SUMMARY) && role !== CW) ||
          ((domain === DataDomain.JUDICIAL || domain === DataDomain.JUDICIAL_DETAIL) && role !== PO);
        expect({ domain, role, write }).toEqual({ domain, role, write: restricted ? N : read });
      }
    }
  });

  it('a pending mandate shows identity and the judicial core only, and writes nothing', () => {
    for (const role of [PO, CW, HC, SW]) {
      const reads = Object.values(DataDomain).map((domain) => ACCESS_POLICY[domain][role][MandateState.PENDING].read);
      expect(reads).toEqual([Y, Grant.CORE_ONLY, N, N, N, N, N]);
      for (const domain of Object.values(DataDomain)) expect(ACCESS_POLICY[domain][role][MandateState.PENDING].write).toBe(N);
    }
  });

  it('an ended mandate keeps only what the structure wrote, read-only', () => {
    for (const domain of Object.values(DataDomain)) {
      for (const role of [PO, CW, HC, SW]) {
        const { read, write } = ACCESS_POLICY[domain][role][MandateState.ENDED];
        const couldRead = ACCESS_POLICY[domain][role][MandateState.FULL].read !== N;
        expect(read).toBe(couldRead ? Grant.OWN_WRITINGS : N);
        expect(write).toBe(N);
      }
    }
  });

  it('evaluators and administrators never read or write person data, whatever the mandate', () => {
    for (const role of [Role.EVALUATOR, Role.STRUCTURE_ADMIN, Role.PLATFORM_ADMIN]) {
      for (const domain of Object.values(DataDomain)) {
        for (const mandate of Object.values(MandateState)) {
          expect(ACCESS_POLICY[domain][role][mandate]).toEqual({ read: N, write: N });
        }
      }
    }
  });

  it('no mandate, nothing: deny by default', () => {
    for (const domain of Object.values(DataDomain)) {
      for (const role of Object.values(Role)) expect(ACCESS_POLICY[domain][role][MandateState.NONE]).toEqual({ read: N, write: N });
    }
  });
});

describe('decide', () => {
  it('turns consent into access only where the cell says "with consent"', () => {
    expect(decide(SW, DataDomain.HEALTH_SUMMARY, MandateState.FULL, false, 'read')).toBe(Decision.DENY);
    expect(decide(SW, DataDomain.HEALTH_SUMMARY, MandateState.FULL, true, 'read')).toBe(Decision.ALLOW);
    expect(decide(HC, DataDomain.HEALTH_SUMMARY, MandateState.FULL, true, 'read')).toBe(Decision.DENY);
    expect(decide(SW, DataDomain.HEALTH, MandateState.FULL, true, 'read')).toBe(Decision.DENY);
    expect(decide(SW, DataDomain.HEALTH_SUMMARY, MandateState.PENDING, true, 'read')).toBe(Decision.DENY);
    expect(decide(SW, DataDomain.HEALTH_SUMMARY, MandateState.NONE, true, 'read')).toBe(Decision.DENY);
  });

  it('gives the core of the judicial domain under a pending mandate and own writings under an ended one', () => {
    expect(decide(HC, DataDomain.JUDICIAL, MandateState.PENDING, false, 'read')).toBe(Decision.CORE);
    expect(decide(HC, DataDomain.HOUSING, MandateState.ENDED, false, 'read')).toBe(Decision.OWN);
  });
});

describe('consent rules', () => {
  it('is recorded by a structure that holds the domain', () => {
    expect(roleHoldsDomain(CW, DataDomain.HEALTH_SUMMARY)).toBe(true);
    expect(roleHoldsDomain(SW, DataDomain.HEALTH_SUMMARY)).toBe(false);
    expect(roleHoldsDomain(SW, DataDomain.SOCIAL)).toBe(true);
    expect(roleHoldsDomain(PO, DataDomain.JUDICIAL_DETAIL)).toBe(true);
  });

  it('widens only "with consent" cells', () => {
    expect(consentCanWiden(SW, DataDomain.HEALTH_SUMMARY)).toBe(true);
    expect(consentCanWiden(PO, DataDomain.HEALTH_SUMMARY)).toBe(true);
    expect(consentCanWiden(CW, DataDomain.SOCIAL)).toBe(true);
    expect(consentCanWiden(HC, DataDomain.HEALTH_SUMMARY)).toBe(false);
    expect(consentCanWiden(SW, DataDomain.HEALTH)).toBe(false);
  });
});

describe('recordDomain', () => {
  it('puts any record at a CSAPA in HEALTH_SUMMARY', () => {
    expect(recordDomain(StructureKind.CSAPA)).toBe(DataDomain.HEALTH_SUMMARY);
    expect(recordDomain(StructureKind.ASSOCIATION)).toBe(DataDomain.SOCIAL);
  });

  it('puts a referral that reveals health in HEALTH_SUMMARY, any other in SOCIAL', () => {
    expect(recordDomain(StructureKind.CSAPA, [Need.SOCIAL_SUPPORT])).toBe(DataDomain.HEALTH_SUMMARY);
    expect(recordDomain(StructureKind.ASSOCIATION, [Need.ADDICTION_CARE])).toBe(DataDomain.HEALTH_SUMMARY);
    expect(recordDomain(StructureKind.SIAO, [Need.HEALTH, Need.HOUSING])).toBe(DataDomain.HEALTH_SUMMARY);
    expect(recordDomain(StructureKind.SIAO, [Need.HOUSING])).toBe(DataDomain.SOCIAL);
  });
});
