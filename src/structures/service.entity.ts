import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { enumArrayCheck } from '../shared/checks';
import { Need } from '../shared/need';
import { Structure } from './structure.entity';

/** A service ("dispositif") a structure runs, with its capacity and the needs it serves. */
@Entity({ tableName: 'service' })
@Unique({ name: 'service_source_unique', properties: ['source', 'sourceId'] })
@Check({ name: 'service_housing_places_non_negative', expression: 'housing_places >= 0' })
@Check({ name: 'service_active_file_capacity_non_negative', expression: 'active_file_capacity >= 0' })
@Check({ name: 'service_needs_values', expression: enumArrayCheck('needs', Need) })
export class Service extends VersionedEntity<'needs' | 'receivesReferrals' | 'source' | 'sourceId' | 'sourceUpdatedOn' | 'listing'> {
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

  /** Where the row came from when imported from a directory (data·inclusion `source`), and its id there. */
  @Property({ columnType: 'text', nullable: true })
  source: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  sourceId: string | null = null;

  /** The source's `date_maj`, kept so that an export says what the source said. */
  @Property({ type: 'date', nullable: true })
  sourceUpdatedOn: string | null = null;

  /**
   * What the national directory (data·inclusion v1) publishes beyond the row's own columns:
   * description, address, contact, opening hours, and for a service its thematiques, publics,
   * modes_accueil and zone_eligibilite. Public information, never person data.
   */
  @Property({ type: 'json', nullable: true })
  listing: Record<string, unknown> | null = null;

  constructor(structure: Structure, name: string) {
    super();
    this.structure = structure;
    this.name = name;
  }
}
