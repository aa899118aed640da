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

  /** One request of an account; RateLimitedError once its minute is spent. */
  account(accountId: string): Promise<void> {
    return consume(this.accounts, accountId);
  }

  /** One token request from an address. */
  tokenRequest(address: string): Promise<void> {
    return consume(this.tokenRequests, address);
  }
}

async function consume(limiter: RateLimiterPostgres | null, key: string): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(key);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    throw refusal;
  }
}
