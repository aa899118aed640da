import { Role, roleFitsStructure } from '../../src/auth/role';
import { assertAllowed } from '../../src/policy/authz';
import { PERMISSION_ROLES, Permission, roleMay } from '../../src/policy/permissions';
import { ForbiddenError } from '../../src/shared/errors';
import { StructureKind } from '../../src/shared/structure-kind';
import type { Viewer } from '../../src/auth/viewer';

function viewer(role: Role): Viewer {
  return { accountId: 'a', login: 'l', role, clientKind: 'USER' as Viewer['clientKind'], structureId: 's', structureKind: StructureKind.SPIP };
}

describe('operation permissions', () => {
  it('lists roles for every permission', () => {
    for (const permission of Object.values(Permission)) {
      expect(PERMISSION_ROLES[permission].length).toBeGreaterThan(0);
    }
  });

  it('lets every role read the directory, the actions and the evaluations (no person data)', () => {
    for (const role of Object.values(Role)) {
      for (const permission of [Permission.DIRECTORY_READ, Permission.ACTION_READ, Permission.EVALUATION_READ]) {
        expect(roleMay(role, permission)).toBe(true);
        expect(() => assertAllowed(viewer(role), permission)).not.toThrow();
      }
    }
  });

  it('denies by default: an operation outside the table is refused with FORBIDDEN', () => {
    expect(roleMay(Role.PLATFORM_ADMIN, 'person:read' as Permission)).toBe(false);
    expect(() => assertAllowed(viewer(Role.PLATFORM_ADMIN), 'person:read' as Permission)).toThrow(ForbiddenError);
  });
});

describe('roles and structure kinds', () => {
  it.each([
    [Role.PROBATION_OFFICER, StructureKind.SPIP, true],
    [Role.PROBATION_OFFICER, StructureKind.CSAPA, false],
    [Role.CARE_WORKER, StructureKind.CSAPA, true],
    [Role.CARE_WORKER, StructureKind.ASSOCIATION, false],
    [Role.HOUSING_COORDINATOR, StructureKind.SIAO, true],
    [Role.SOCIAL_WORKER, StructureKind.ASSOCIATION, true],
    [Role.EVALUATOR, StructureKind.EVALUATOR, true],
    [Role.EVALUATOR, StructureKind.SPIP, false],
    [Role.STRUCTURE_ADMIN, StructureKind.PRISON, true],
    [Role.PLATFORM_ADMIN, StructureKind.PLATFORM, true],
    [Role.PLATFORM_ADMIN, StructureKind.SIAO, false],
  ])('%s in a %s: %p', (role, kind, fits) => {
    expect(roleFitsStructure(role, kind)).toBe(fits);
  });
});
