import { Role } from '../../src/auth/role';
import {
  FigureDisclosure,
  type FigureSubject,
  FigureWithheldReason,
  discloseFigure,
  leastDisclosed,
} from '../../src/policy/directory-figures';
import { StructureKind } from '../../src/shared/structure-kind';

const PARTNER_ROLES = [Role.PROBATION_OFFICER, Role.CARE_WORKER, Role.HOUSING_COORDINATOR, Role.SOCIAL_WORKER];
const OTHER_ROLES = [Role.EVALUATOR, Role.STRUCTURE_ADMIN, Role.PLATFORM_ADMIN];
const VALUES = [0, 1, 2, 5, 10, 11, 12, 135];

function of(structureId: string, kind: StructureKind, partner?: [string, StructureKind]): FigureSubject {
  return { owner: { structureId, kind }, others: partner ? [{ structureId: partner[0], kind: partner[1] }] : [] };
}

describe('directory figures about persons', () => {
  it('are exact for the structure itself, whatever its kind, the role and the value', () => {
    for (const kind of Object.values(StructureKind)) {
      for (const role of Object.values(Role)) {
        for (const value of VALUES) {
          expect(discloseFigure({ structureId: 'own', role }, of('own', kind, ['csapa', StructureKind.CSAPA]), value)).toEqual({
            disclosure: FigureDisclosure.EXACT,
            reason: null,
          });
        }
      }
    }
  });

  it('hide a CSAPA’s figures from every other structure, another CSAPA included, whatever the value', () => {
    for (const role of Object.values(Role)) {
      for (const value of VALUES) {
        expect(discloseFigure({ structureId: 'other', role }, of('csapa', StructureKind.CSAPA), value)).toEqual({
          disclosure: FigureDisclosure.HIDDEN,
          reason: FigureWithheldReason.HEALTH_DATA,
        });
      }
    }
  });

  it('hide a convention’s figure when its partner is a CSAPA, except from that CSAPA', () => {
    const convention = of('relais', StructureKind.ASSOCIATION, ['csapa', StructureKind.CSAPA]);
    expect(discloseFigure({ structureId: 'spip', role: Role.PROBATION_OFFICER }, convention, 20).reason).toBe(FigureWithheldReason.HEALTH_DATA);
    expect(discloseFigure({ structureId: 'csapa', role: Role.CARE_WORKER }, convention, 20).disclosure).toBe(FigureDisclosure.EXACT);
    expect(discloseFigure({ structureId: 'csapa', role: Role.CARE_WORKER }, convention, 3)).toEqual({
      disclosure: FigureDisclosure.AVAILABILITY,
      reason: FigureWithheldReason.SMALL_COUNT,
    });
  });

  it('show other structures’ counts of 0 and above 10 exactly to every role', () => {
    for (const kind of Object.values(StructureKind).filter((k) => k !== StructureKind.CSAPA)) {
      for (const role of Object.values(Role)) {
        for (const value of [0, 11, 12, 135]) {
          expect(discloseFigure({ structureId: 'other', role }, of('owner', kind), value).disclosure).toBe(FigureDisclosure.EXACT);
        }
      }
    }
  });

  it('show other structures’ counts of 1 to 10 to partners only as availability, to evaluators and administrators not at all', () => {
    for (const value of [1, 2, 5, 10]) {
      for (const role of PARTNER_ROLES) {
        expect(discloseFigure({ structureId: 'other', role }, of('siao', StructureKind.SIAO), value)).toEqual({
          disclosure: FigureDisclosure.AVAILABILITY,
          reason: FigureWithheldReason.SMALL_COUNT,
        });
      }
      for (const role of OTHER_ROLES) {
        expect(discloseFigure({ structureId: 'other', role }, of('siao', StructureKind.SIAO), value)).toEqual({
          disclosure: FigureDisclosure.HIDDEN,
          reason: FigureWithheldReason.SMALL_COUNT,
        });
      }
    }
  });

  it('a value computed from several figures shows no more than the least shown of them', () => {
    const exact = { disclosure: FigureDisclosure.EXACT, reason: null };
    const availability = { disclosure: FigureDisclosure.AVAILABILITY, reason: FigureWithheldReason.SMALL_COUNT };
    const hidden = { disclosure: FigureDisclosure.HIDDEN, reason: FigureWithheldReason.HEALTH_DATA };
    expect(leastDisclosed([])).toEqual(exact);
    expect(leastDisclosed([exact, availability])).toEqual(availability);
    expect(leastDisclosed([availability, hidden, exact])).toEqual(hidden);
  });
});
