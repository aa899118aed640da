import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The counters of the rate limits (rate-limiter-flexible's PostgreSQL store, its own columns):
 * in the database every node shares, so that a limit holds across nodes. No person data: keys
 * are account ids and client addresses with a prefix.
 */
@Entity({ tableName: 'rate_limit_counter' })
export class RateLimitCounter {
  @PrimaryKey({ columnType: 'varchar(255)' })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  points!: number;

  /** Epoch milliseconds at which the window ends. */
  @Property({ type: 'bigint', nullable: true })
  expire!: string | null;
}
