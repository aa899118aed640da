import { Check, Entity, Enum, Index, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { DEPARTEMENT_PATTERN } from '../shared/departement';
import { StructureKind } from '../shared/structure-kind';

/** A partner organisation, a prison, an evaluator or the platform itself. */
@Entity({ tableName: 'structure' })
@Check({ name: 'structure_departement_format', expression: `departement ~ '${DEPARTEMENT_PATTERN}'` })
@Check({ name: 'structure_siret_format', expression: `siret ~ '^[0-9]{14}$'` })
export class Structure extends VersionedEntity {
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

  constructor(name: string, kind: StructureKind, departement: string | null = null, city: string | null = null) {
    super();
    this.name = name;
    this.kind = kind;
    this.departement = departement;
    this.city = city;
  }
}
