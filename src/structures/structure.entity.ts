import { Check, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { StructureKind } from '../shared/structure-kind';

/** A partner organisation, a prison, an evaluator or the platform itself. */
@Entity({ tableName: 'structure' })
@Unique({ name: 'structure_source_unique', properties: ['source', 'sourceId'] })
@Check({ name: 'structure_departement_format', expression: `departement ~ '${DEPARTEMENT_PATTERN}'` })
@Check({ name: 'structure_siret_format', expression: `siret ~ '^[0-9]{14}$'` })
export class Structure extends VersionedEntity<'siret' | 'source' | 'sourceId' | 'sourceUpdatedOn' | 'listing'> {
  @Property({ columnType: 'text', unique: true })
  name: string;

  @Index()
  @Enum({ items: () => StructureKind, columnType: 'text' })
  kind: StructureKind;

  @Property({ columnType: 'text', nullable: true })
  departement: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  city: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  region: string | null = null;

  /** The SIRET of the establishment (INSEE), when it has one: the key of the national directories. */
  @Property({ columnType: 'text', nullable: true, unique: true })
  siret: string | null = null;

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

  constructor(name: string, kind: StructureKind, departement: string | null = null, city: string | null = null) {
    super();
    this.name = name;
    this.kind = kind;
    this.departement = departement;
    this.city = city;
  }
}
