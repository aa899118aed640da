import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';
import type { Placement } from './placement.entity';

@ObjectType('Placement', { description: 'A person housed in a place of a service, from a date until released.' })
export class PlacementView {
  @Field(() => ID)
  id!: string;

  personId!: string;
  serviceId!: string;
  structureId!: string;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => DateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => Boolean)
  current!: boolean;

  @Field(() => Int)
  version!: number;

  static from(placement: Placement): PlacementView {
    return Object.assign(new PlacementView(), {
      id: placement.id,
      personId: placement.person.id,
      serviceId: placement.service.id,
      structureId: placement.structure.id,
      startDate: placement.startDate,
      endDate: placement.endDate,
      endReason: placement.endReason,
      current: placement.endDate === null,
      version: placement.version,
    });
  }
}
