import { Field, Int, ObjectType } from 'type-graphql';
import type { GuardedView } from '../policy/domain-guard';
import { HousingStatus } from '../persons/person.enums';
import { writerId } from '../persons/person.type';
import { DateScalar } from '../shared/scalars';
import type { PersonHousing } from './person-housing.entity';

@ObjectType('HousingSituation', { description: 'Where the person lives or will live (HOUSING domain).' })
export class HousingSituationView implements GuardedView {
  personId!: string;
  writtenById!: string | null;

  @Field(() => HousingStatus, { description: 'The kind of housing the person has now.' })
  status!: HousingStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When a shelter request was filed with the SIAO; null when none was.' })
  shelterRequestedAt!: string | null;

  @Field(() => Int, { description: 'The version of the housing situation; give it back as expectedVersion when updating.' })
  version!: number;

  static from(row: PersonHousing): HousingSituationView {
    return Object.assign(new HousingSituationView(), {
      personId: row.person.id,
      writtenById: writerId(row),
      status: row.status,
      shelterRequestedAt: row.shelterRequestedAt,
      version: row.version,
    });
  }
}
