import type { MikroORM } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '../shared/errors';

/** How many requests a minute: per account (a person or a machine client), per address on the token endpoint. */
export interface RateLimitSettings {
  perAccountPerMinute: number;
  tokenRequestsPerMinute: number;
}

/** HTTP 429 with `Retry-After` (seconds), the contract's RATE_LIMITED. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many requests: retry in ${retryAfterSeconds} s`, {
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/**
 * The rate limits, counted in PostgreSQL (rate_limit_counter) so that every node shares them:
 * per account on /graphql and the HTTP endpoints (after authentication), per client address on
 * /oauth/token (before its secret is hashed: a flood of token requests would fill the pool).
 * A limit of 0 switches it off.
 */
export class RateLimits {
  private readonly accounts: RateLimiterPostgres | null;
  private readonly tokenRequests: RateLimiterPostgres | null;

  constructor(orm: MikroORM, settings: RateLimitSettings) {
    const store = (keyPrefix: string, points: number) =>
      points > 0
        ? new RateLimiterPostgres({
            storeClient: orm.em.getConnection().getKnex(),
            storeType: 'knex',
            tableName: 'rate_limit_counter',
            tableCreated: true,
            keyPrefix,
            points,
            duration: 60,
          })
        : null;
    this.accounts = store('account', settings.perAccountPerMinute);
    this.tokenRequests = store('token', settings.tokenRequestsPerMinute);
  }

  /**
   * One request of an account, weighing `points` (a GraphQL request 1; the HTTP endpoints that
   * cost more, ENDPOINT_WEIGHTS); RateLimitedError once its minute is spent.
   */
  account(accountId: string, points = 1): Promise<void> {
    return consume(this.accounts, accountId, points);
  }

  /** One token request from an address (an IPv6 address counts for its /64: one host holds them all). */
  tokenRequest(address: string): Promise<void> {
    return consume(this.tokenRequests, addressKey(address));
  }
}

/**
 * What an HTTP endpoint costs of an account's minute, in GraphQL requests: an import registers
 * up to 10,000 persons, a PDF is laid out page by page, an export reads a whole report.
 */
export const ENDPOINT_WEIGHTS: Readonly<Record<string, number>> = {
  importPersons: 50,
  exportPersonRecord: 10,
  exportOutcomesCsv: 5,
  exportDataInclusionStructures: 5,
  exportDataInclusionServices: 5,
};

/** The key of a client address: IPv4 as it is, IPv6 by its /64 prefix (a host gets a whole /64). */
export function addressKey(address: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4mapped) return v4mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

async function consume(limiter: RateLimiterPostgres | null, key: string, points = 1): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key, points);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    throw refusal;
  }
}
