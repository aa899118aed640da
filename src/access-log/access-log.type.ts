import { Field, ObjectType } from 'type-graphql';
import { ClientKind, Role } from '../auth/role';
import { DataDomain } from '../policy/data-domain';
import { DateTimeScalar } from '../shared/scalars';
import type { AccessLogEntry } from '../audit/access-log-entry.entity';
import { connectionType } from '../shared/connection';

@ObjectType('AccessLogEntry', { description: "One audited access to a person's record." })
export class AccessLogEntryView {
  structureId!: string;

  @Field(() => DateTimeScalar, { description: 'When the access happened.' })
  at!: Date;

  @Field(() => Role, { description: 'The role of the account or machine client that accessed the record.' })
  role!: Role;

  @Field(() => ClientKind, { description: 'Whether a person (USER) or a partner system (MACHINE) accessed the record.' })
  client!: ClientKind;

  @Field(() => String, { description: 'READ or WRITE.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The GraphQL operation name, when the client gave one; shown only to the structure that sent it.' })
  operation!: string | null;

  @Field(() => [DataDomain], { description: 'The data domains read or written.' })
  domains!: DataDomain[];

  static from(entry: AccessLogEntry, viewerStructureId: string): AccessLogEntryView {
    return Object.assign(new AccessLogEntryView(), {
      structureId: entry.structureId,
      at: entry.at,
      role: entry.role,
      client: entry.client,
      kind: entry.kind,
      operation: entry.structureId === viewerStructureId ? entry.operation : null,
      domains: entry.domains,
    });
  }
}

export const AccessLogEntryConnectionView = connectionType('AccessLogEntry', AccessLogEntryView, {
  node: 'audited access',
  list: "A page of the accesses to a person's record that you may see, newest first.",
});
