import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { StructureKind } from '../shared/structure-kind';

@ArgsType()
export class StructuresArgs {
  @Field(() => StructureKind, { nullable: true, description: 'Only structures of this kind.' })
  @IsOptional()
  kind?: StructureKind;

  @Field(() => String, { nullable: true, description: 'Only structures of this département (INSEE code).' })
  @IsOptional()
  @Matches(new RegExp(DEPARTEMENT_PATTERN), { message: 'departement must be an INSEE département code such as "38" or "2A"' })
  departement?: string;
}
