import type { EntityData } from '@mikro-orm/core';
import { Factory } from '@mikro-orm/seeder';
import { Need } from '../../src/shared/need';
import { Service } from '../../src/structures/service.entity';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';
import { uniqueSuffix } from './sequence';

export class StructureFactory extends Factory<Structure> {
  readonly model = Structure;

  protected definition(): EntityData<Structure> {
    return {
      name: `Structure ${uniqueSuffix()}`,
      kind: StructureKind.ASSOCIATION,
      departement: '38',
      city: 'Grenoble',
    };
  }
}

export interface ServiceInput extends EntityData<Service> {
  structure: Structure;
}

export class ServiceFactory extends Factory<Service, ServiceInput> {
  readonly model = Service;

  protected definition(input?: ServiceInput): EntityData<Service> {
    return {
      name: `Service ${uniqueSuffix()}`,
      needs: [Need.SOCIAL_SUPPORT],
      receivesReferrals: true,
      ...input,
    };
  }
}
