import { ClientKind, Role } from '../auth/role';

/** The nil UUID: no account or structure has it (their ids are random version-4 UUIDs). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Who the audit log names for what the platform does by itself to person data (the end of
 * retention): every entry needs an account, a structure and a role, and a scheduled job has
 * none of its own. The nil UUID stands for both (audit entries carry no foreign keys), so an
 * entry of the platform can never be taken for a partner's or a person's; the role is the
 * platform operator's, and the client MACHINE: nobody at a screen did it.
 */
export const SYSTEM_ACTOR = {
  accountId: NIL_UUID,
  structureId: NIL_UUID,
  role: Role.PLATFORM_ADMIN,
  client: ClientKind.MACHINE,
} as const;
