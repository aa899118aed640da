import type { ClientKind, Role } from './role';
import type { StructureKind } from '../shared/structure-kind';

/** Who is asking, read from the database on every request. */
export interface Viewer {
  accountId: string;
  login: string;
  role: Role;
  clientKind: ClientKind;
  structureId: string;
  structureKind: StructureKind;
}
