import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth/role';
import { DateTimeScalar } from '../shared/scalars';
import type { MachineClient } from './machine-client.entity';

@ObjectType('MachineClient', { description: 'A partner system that authenticates with OAuth 2.0 client credentials, as one role of its structure.' })
export class MachineClientView {
  @Field(() => ID, { description: 'The client_id the client authenticates with.' })
  id!: string;

  @Field(() => String, { description: "The partner system's name." })
  name!: string;

  @Field(() => Role, { description: 'The role the client acts as, in its structure.' })
  role!: Role;

  @Field(() => DateTimeScalar, { description: 'When the client was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the current secret was issued.' })
  secretRotatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Revoked clients get no token, and their tokens are refused.' })
  revokedAt!: Date | null;

  static from(client: MachineClient): MachineClientView {
    return Object.assign(new MachineClientView(), {
      id: client.id,
      name: client.name,
      role: client.account.role,
      createdAt: client.createdAt,
      secretRotatedAt: client.secretRotatedAt,
      revokedAt: client.revokedAt,
    });
  }
}

@ObjectType('MachineClientCredentials', { description: 'The secret is shown here once; only its hash is kept.' })
export class MachineClientCredentialsView {
  @Field(() => ID, { description: 'The client_id, for the token endpoint.' })
  clientId!: string;

  @Field(() => String, { description: 'The client secret, shown here once: store it now.' })
  clientSecret!: string;

  @Field(() => MachineClientView, { description: 'The machine client.' })
  client!: MachineClientView;
}
