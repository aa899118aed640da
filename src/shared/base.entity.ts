import { randomUUID } from 'node:crypto';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** UUID key and timestamps shared by every stored row. */
export abstract class BaseEntity<Optional = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | Optional;

  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A row of a table that a lower layer may not import (the audit log and the outbox point at
 * accounts and structures): its relation names the entity, and the row is known by its id.
 */
export interface EntityRef {
  id: string;
}

/**
 * A row partners edit: the version makes two concurrent edits conflict
 * instead of silently overwriting each other.
 */
export abstract class VersionedEntity<Optional = never> extends BaseEntity<Optional> {
  @Property({ version: true })
  version!: number;
}
