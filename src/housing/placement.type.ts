import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../shared/scalars';
import type { Placement } from './placement.entity';

@ObjectType('Placement', { description: 'A person housed in a place of a service, from a date until released.' })
export class PlacementView {
  @Field(() => ID, { description: "The placement's id." })
  id!: string;

  personId!: string;
  serviceId!: string;
  structureId!: string;

  @Field(() => DateScalar, { description: 'When the person moved in.' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the placement ended; null while current.' })
  endDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the placement ended; null while current or when none was given.' })
  endReason!: string | null;

  @Field(() => Boolean, { description: 'True while the person holds the place (no end date).' })
  current!: boolean;

  @Field(() => Int, { description: "The placement's version; give it back as expectedVersion when ending it." })
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
