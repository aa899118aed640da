import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FigureWithheldReason } from '../policy/directory-figures';
import { Need } from '../shared/need';
import type { Service } from './service.entity';
import { StructureKind } from '../shared/structure-kind';
import type { StructureRecord } from './structure.rows';
import { Node } from '../shared/node';

@ObjectType('Structure', { implements: Node, description: 'A partner organisation, a prison, an evaluator or the platform.', simpleResolvers: true })
export class StructureView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => StructureKind)
  kind!: StructureKind;

  @Field(() => String, { nullable: true, description: 'INSEE code of the département, e.g. "49".' })
  departement!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  static from(structure: StructureRecord): StructureView {
    return Object.assign(new StructureView(), {
      id: structure.id,
      name: structure.name,
      kind: structure.kind,
      departement: structure.departement,
      city: structure.city,
      region: structure.region,
    });
  }
}

@ObjectType('Service', { description: 'A service ("dispositif") run by a structure.' })
export class ServiceView {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  structureId!: string;

  @Field(() => Int, { nullable: true, description: 'Housing places; null when the service houses nobody.' })
  housingPlaces!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons the service follows at once; null when not capped.' })
  activeFileCapacity!: number | null;

  @Field(() => [Need], { description: 'Needs a referral to this service may carry.' })
  needs!: Need[];

  @Field(() => Boolean)
  receivesReferrals!: boolean;

  static from(service: Service): ServiceView {
    return Object.assign(new ServiceView(), {
      id: service.id,
      name: service.name,
      structureId: service.structure.id,
      housingPlaces: service.housingPlaces,
      activeFileCapacity: service.activeFileCapacity,
      needs: service.needs,
      receivesReferrals: service.receivesReferrals,
    });
  }
}

/** The directory figures about persons, each shown under the access policy's figure rule. */
export enum DirectoryFigure {
  OCCUPANCY = 'OCCUPANCY',
  AVAILABLE = 'AVAILABLE',
  HAS_FREE_PLACES = 'HAS_FREE_PLACES',
  ACTIVE_FILES = 'ACTIVE_FILES',
  REFERRALS_THIS_YEAR = 'REFERRALS_THIS_YEAR',
}

registerEnumType(DirectoryFigure, {
  name: 'DirectoryFigure',
  description: 'A directory figure about persons, named after its field.',
  valuesConfig: {
    OCCUPANCY: { description: '`Service.occupancy`.' },
    AVAILABLE: { description: '`Service.available`.' },
    HAS_FREE_PLACES: { description: '`Service.hasFreePlaces`.' },
    ACTIVE_FILES: { description: '`Service.activeFiles`, `Convention.activeFiles`.' },
    REFERRALS_THIS_YEAR: { description: '`Convention.referralsThisYear`.' },
  },
});

@ObjectType('WithheldFigure', { description: 'A directory figure the viewer may not know, and why.' })
export class WithheldFigureView {
  @Field(() => DirectoryFigure)
  figure!: DirectoryFigure;

  @Field(() => FigureWithheldReason)
  reason!: FigureWithheldReason;

  /** The figures whose reason is set, in the order given. */
  static listOf(entries: readonly [DirectoryFigure, FigureWithheldReason | null][]): WithheldFigureView[] {
    return entries.flatMap(([figure, reason]) => (reason ? [Object.assign(new WithheldFigureView(), { figure, reason })] : []));
  }
}
