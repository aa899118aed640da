import { Check, Entity, ManyToOne, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Service } from '../structures/service.entity';
import { Structure } from '../structures/structure.entity';

/**
 * An agreement under which a structure receives referrals from a partner,
 * e.g. 135 detainees a year referred by the SPIP when releasable within 6 months.
 */
@Entity({ tableName: 'convention' })
@Check({ name: 'convention_yearly_quota_positive', expression: 'yearly_quota > 0' })
@Check({ name: 'convention_validity_order', expression: 'valid_to is null or valid_to >= valid_from' })
export class Convention extends VersionedEntity {
  /** The receiving structure. */
  @ManyToOne(() => Structure, { index: true, deleteRule: 'cascade' })
  structure: Structure;

  /** The receiving service, when the convention names one. */
  @ManyToOne(() => Service, { index: true, nullable: true, deleteRule: 'set null' })
  service: Service | null = null;

  /** The referring partner, usually a SPIP. */
  @ManyToOne(() => Structure, { index: true })
  partner: Structure;

  @Property({ type: 'integer' })
  yearlyQuota: number;

  @Property({ type: 'date' })
  validFrom: string;

  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;

  @Property({ columnType: 'text', nullable: true })
  title: string | null = null;

  constructor(structure: Structure, partner: Structure, yearlyQuota: number, validFrom: string) {
    super();
    this.structure = structure;
    this.partner = partner;
    this.yearlyQuota = yearlyQuota;
    this.validFrom = validFrom;
  }
}
