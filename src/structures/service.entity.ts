import { Check, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { enumArrayCheck } from '../shared/checks';
import { Need } from '../shared/need';
import { Structure } from './structure.entity';

/** A service ("dispositif") a structure runs, with its capacity and the needs it serves. */
@Entity({ tableName: 'service' })
@Check({ name: 'service_housing_places_non_negative', expression: 'housing_places >= 0' })
@Check({ name: 'service_active_file_capacity_non_negative', expression: 'active_file_capacity >= 0' })
@Check({ name: 'service_needs_values', expression: enumArrayCheck('needs', Need) })
export class Service extends VersionedEntity<'needs' | 'receivesReferrals'> {
  @ManyToOne(() => Structure, { index: true, deleteRule: 'cascade' })
  structure: Structure;

  @Property({ columnType: 'text' })
  name: string;

  /** Housing places the service offers; null when it houses nobody. */
  @Property({ type: 'integer', nullable: true })
  housingPlaces: number | null = null;

  /** Size of the active file (persons followed at once); null when not capped. */
  @Property({ type: 'integer', nullable: true })
  activeFileCapacity: number | null = null;

  /** Needs a referral to this service may carry. */
  @Enum({ items: () => Need, array: true, columnType: 'text[]', default: '{}' })
  needs: Need[] = [];

  @Property({ type: 'boolean', default: true })
  receivesReferrals: boolean = true;

  constructor(structure: Structure, name: string) {
    super();
    this.structure = structure;
    this.name = name;
  }
}
