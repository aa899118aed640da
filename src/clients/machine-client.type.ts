import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../auth/role';
import { DateTimeScalar } from '../shared/scalars';
import type { MachineClient } from './machine-client.entity';

@ObjectType('MachineClient', { description: 'A partner system that authenticates with OAuth 2.0 client credentials, as one role of its structure.' })
export class MachineClientView {
  @Field(() => ID, { description: 'The client_id.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => DateTimeScalar)
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
  @Field(() => ID)
  clientId!: string;

  @Field(() => String)
  clientSecret!: string;

  @Field(() => MachineClientView)
  client!: MachineClientView;
}
