import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Role } from '../auth/role';

@InputType('CreateMachineClientInput', { description: 'A partner system that is to act as one role of your structure.' })
export class CreateMachineClientInput {
  @Field(() => String, { description: "The partner system's name, e.g. the software it is." })
  @Length(2, 100, { message: 'name must be 2 to 100 characters' })
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => Role, { description: "A worker role that fits the structure's kind; the client acts as that role." })
  role!: Role;
}
