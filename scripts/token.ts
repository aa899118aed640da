/**
 * Prints a signed development bearer token for an account:
 *   npm run token -- <login>
 * Reads the account from the database (the embedded one, started for the occasion
 * when `npm start` is not running, or DATABASE_URL). Refused in production.
 */
import { runCommand, withDatabase } from './support/command';
import { Account } from '../src/accounts/account.entity';
import { loadConfig } from '../src/config/env';
import { signDevToken } from '../src/auth/tokens';

async function main(): Promise<number> {
  const login = process.argv[2];
  if (!login) {
    console.error('usage: npm run token -- <login>   (e.g. npm run token -- cpip.grenoble)');
    return 1;
  }
  const config = loadConfig();
  if (config.nodeEnv === 'production') {
    console.error('npm run token is refused when NODE_ENV=production: tokens come from the identity provider there.');
    return 1;
  }
  return withDatabase(config, { migrate: false }, async (orm) => {
    const tables = await orm.em.getConnection().execute<{ exists: boolean }[]>(
      `select to_regclass('public.account') is not null as exists`,
    );
    if (!tables[0]?.exists) {
      console.error('The database has no accounts yet: run `npm start` once to create it and load the demo data.');
      return 1;
    }
    const em = orm.em.fork();
    const account = await em.findOne(Account, { login });
    if (!account) {
      const known = (await em.find(Account, {}, { orderBy: { login: 'asc' } })).map((a) => a.login);
      console.error(`Unknown login "${login}". Known logins: ${known.join(', ')}`);
      return 1;
    }
    if (account.disabled) {
      console.error(`Account "${login}" is disabled.`);
      return 1;
    }
    process.stdout.write(`${await signDevToken(config.jwt, account)}\n`);
    return 0;
  });
}

runCommand('token', main);
