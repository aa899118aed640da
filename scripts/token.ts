/**
 * Prints a signed development bearer token for an account:
 *   npm run token -- <login>
 * Reads the account from the database (the embedded one, started for the occasion
 * when `npm start` is not running, or DATABASE_URL) with one query, no ORM: it answers in
 * well under a second while `npm start` runs. Refused in production.
 */
import { Client } from 'pg';
import { signDevToken } from '../src/auth/tokens';
import { provideDatabase } from '../src/config/database';
import { loadConfig } from '../src/config/env';
import { runCommand } from './support/run-command';

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
  const database = await provideDatabase(config);
  const client = new Client({ connectionString: database.ownerUrl });
  try {
    await client.connect();
    const tables = await client.query<{ exists: boolean }>(`select to_regclass('public.account') is not null as exists`);
    if (!tables.rows[0]?.exists) {
      console.error('The database has no accounts yet: run `npm start` once to create it and load the demo data.');
      return 1;
    }
    const { rows } = await client.query<{ id: string; login: string; disabled: boolean }>('select id, login, disabled from account where login = $1', [login]);
    const account = rows[0];
    if (!account) {
      const known = (await client.query<{ login: string }>('select login from account order by login')).rows.map((row) => row.login);
      console.error(`Unknown login "${login}". Known logins: ${known.join(', ')}`);
      return 1;
    }
    if (account.disabled) {
      console.error(`Account "${login}" is disabled.`);
      return 1;
    }
    process.stdout.write(`${await signDevToken(config.jwt, account)}\n`);
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    await database.stop();
  }
}

runCommand('token', main);
