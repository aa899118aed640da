import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FigureWithheldReason } from '../policy/directory-figures';
import { Need } from '../shared/need';
import type { Service } from './service.entity';
import { StructureKind } from '../shared/structure-kind';
import type { StructureRecord } from './structure.rows';
import { Node } from '../shared/node';
import { connectionType } from '../shared/connection';

@ObjectType('Structure', { implements: Node, description: 'A partner organisation, a prison, an evaluator or the platform.', simpleResolvers: true })
export class StructureView {
  @Field(() => ID, { description: "The structure's id." })
  id!: string;

  @Field(() => String, { description: "The structure's name, e.g. SPIP de l'Isère." })
  name!: string;

  @Field(() => StructureKind, { description: 'What kind of partner the structure is; it decides the roles of its accounts and what they may read.' })
  kind!: StructureKind;

  @Field(() => String, { nullable: true, description: 'INSEE code of the département, e.g. "49".' })
  departement!: string | null;

  @Field(() => String, { nullable: true, description: 'The city where the structure is; null when not given.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'The region where the structure is; null when not given.' })
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
  @Field(() => ID, { description: "The service's id." })
  id!: string;

  @Field(() => String, { description: "The service's name, e.g. Hébergement des sortants de prison." })
  name!: string;

  structureId!: string;

  @Field(() => Int, { nullable: true, description: 'Housing places; null when the service houses nobody.' })
  housingPlaces!: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons the service follows at once; null when not capped.' })
  activeFileCapacity!: number | null;

  @Field(() => [Need], { description: 'Needs a referral to this service may carry.' })
  needs!: Need[];

  @Field(() => Boolean, { description: 'Whether referrals may name this service.' })
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
    OCCUPANCY: { description: 'Housing places taken: `Service.occupancy`.' },
    AVAILABLE: { description: 'Housing places free: `Service.available`.' },
    HAS_FREE_PLACES: { description: 'Whether a place is free: `Service.hasFreePlaces`.' },
    ACTIVE_FILES: { description: 'Persons followed now: `Service.activeFiles` and `Convention.activeFiles`.' },
    REFERRALS_THIS_YEAR: { description: 'Referrals received this year: `Convention.referralsThisYear`.' },
  },
});

@ObjectType('WithheldFigure', { description: 'A directory figure the viewer may not know, and why.' })
export class WithheldFigureView {
  @Field(() => DirectoryFigure, { description: 'The figure that is null for the viewer.' })
  figure!: DirectoryFigure;

  @Field(() => FigureWithheldReason, { description: 'Why the viewer may not know it.' })
  reason!: FigureWithheldReason;

  /** The figures whose reason is set, in the order given. */
  static listOf(entries: readonly [DirectoryFigure, FigureWithheldReason | null][]): WithheldFigureView[] {
    return entries.flatMap(([figure, reason]) => (reason ? [Object.assign(new WithheldFigureView(), { figure, reason })] : []));
  }
}

export const StructureConnectionView = connectionType('Structure', StructureView, {
  node: 'structure',
  list: 'A page of the directory of partners, by kind then name.',
});
