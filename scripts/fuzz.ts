/**
 * Sends operations generated from the schema, with random and hostile arguments, as every demo
 * account, to a real server on a scratch database (demo data), and checks each answer:
 *   - no 5xx, and no INTERNAL_SERVER_ERROR;
 *   - no stack trace and no SQL text in any answer;
 *   - no person outside the viewer's mandates (every Person in an answer is one the viewer's
 *     structure holds a mandate on, read from the mandate table before the run).
 *   npm run fuzz [-- --operations 10000 --seed 1]
 * Prints the counts by status and code, and each failure (at most 20); exits 1 on a failure.
 */
import 'reflect-metadata';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { signDevToken } from '../src/auth/tokens';
import { applicationUrl, EMBEDDED_APP_LOGIN } from '../src/config/database';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { createServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';
import { buildAppSchema } from '../src/server/schema';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

/** A small deterministic generator (mulberry32): a failing run is replayed with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_STRINGS = [
  "' or 1=1 --",
  '"; drop table person; --',
  '%_\\',
  '\u0000',
  '<script>alert(1)</script>',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ é',
  'x'.repeat(5000),
  '',
  ' ',
  '2026-13-45',
  '-1',
  'null',
  '{"$gt": ""}',
  '../../etc/passwd',
  '00000000-0000-0000-0000-000000000000',
];

const STACK_OR_SQL = /\bat [\w.<>]+ \(|node_modules|\bselect\b.+\bfrom\b|insert into|violates|syntax error at or near|duplicate key|relation "|column "|\bSQLSTATE\b/i;

async function main(): Promise<number> {
  const operations = option('operations', 10_000);
  const seed = option('seed', 1);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];

  const db = await startScratchDatabase('fuzz');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' });
  const owner = await initOrm(db.url, { onDriverWarning: () => undefined });
  await migrate(owner, EMBEDDED_APP_LOGIN);
  await loadDemoData(owner);
  const connection = owner.em.getConnection();
  const accounts = await connection.execute<{ id: string; login: string; structure_id: string }[]>(
    `select id, login, structure_id from account where not disabled order by login`,
  );
  const ids = {
    persons: (await connection.execute<{ id: string }[]>('select id from person order by random() limit 200')).map((r) => r.id),
    structures: (await connection.execute<{ id: string }[]>('select id from structure')).map((r) => r.id),
    referrals: (await connection.execute<{ id: string }[]>('select id from referral order by random() limit 100')).map((r) => r.id),
    other: (await connection.execute<{ id: string }[]>('select id from follow_up order by random() limit 50')).map((r) => r.id),
  };
  // Every person each structure may see (any mandate within retention), read before the run;
  // the run only adds persons its own structures register or are referred.
  const mandates = await connection.execute<{ structure_id: string; person_id: string }[]>(`select structure_id, person_id from mandate`);
  const visible = new Map<string, Set<string>>();
  for (const row of mandates) {
    if (!visible.has(row.structure_id)) visible.set(row.structure_id, new Set());
    visible.get(row.structure_id)!.add(row.person_id);
  }
  const known = new Set(ids.persons.concat(mandates.map((row) => row.person_id)));
  await owner.close();

  const orm = await initOrm(applicationUrl(db.url), { onDriverWarning: () => undefined });
  const server = await createServer({ config, orm, logger: createLogger('silent') });
  const port = await server.listen(0, '127.0.0.1');
  const tokens = new Map<string, string>();
  for (const account of accounts) tokens.set(account.login, await signDevToken(config.jwt, account));
  const schema: GraphQLSchema = await buildAppSchema();

  const anyId = () => pick([...ids.persons, ...ids.structures, ...ids.referrals, ...ids.other, pick(HOSTILE_STRINGS)]);
  const scalar = (name: string): unknown => {
    if (next() < 0.15) return pick(HOSTILE_STRINGS);
    switch (name) {
      case 'ID':
        return anyId();
      case 'Int':
        return pick([0, 1, 20, 100, 101, -1, 2 ** 31 - 1, -(2 ** 31), Math.floor(next() * 1000)]);
      case 'Float':
        return pick([0, 1.5, -3.2, 1e308]);
      case 'Boolean':
        return next() < 0.5;
      case 'Date':
        return pick(['2026-11-23', '1900-01-01', '2099-12-31', '2026-02-30', 'yesterday']);
      case 'DateTime':
        return pick(['2026-11-23T10:00:00Z', '1970-01-01T00:00:00Z', '2999-01-01T00:00:00Z', 'now']);
      default:
        return pick(['x', 'Durand', 'a'.repeat(200), ...HOSTILE_STRINGS]);
    }
  };
  const value = (type: GraphQLInputType, depth: number): unknown => {
    if (isNonNullType(type)) return value(type.ofType, depth);
    if (next() < 0.05) return null;
    if (isListType(type)) return Array.from({ length: Math.floor(next() * 3) }, () => value(type.ofType, depth + 1));
    if (isEnumType(type)) return next() < 0.9 ? pick(type.getValues()).value : 'NOT_A_VALUE';
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const fields: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) if (isNonNullType(field.type) || next() < 0.6) fields[field.name] = value(field.type, depth + 1);
      return fields;
    }
    return scalar(type.name);
  };
  const selection = (type: GraphQLOutputType, depth: number): string => {
    const named: GraphQLNamedType = getNamedType(type);
    if (isScalarType(named) || isEnumType(named)) return '';
    if (isUnionType(named) || isInterfaceType(named)) return '{ __typename }';
    if (!isObjectType(named)) return '';
    const fields = Object.values(named.getFields()).filter((field) => depth < 3 || !isObjectType(getNamedType(field.type)));
    const chosen = fields.filter((field) => next() < 0.5 && field.args.every((arg) => !isNonNullType(arg.type)));
    const parts = ['__typename', ...(named.getFields().id ? ['id'] : []), ...chosen.map((field) => `${field.name} ${selection(field.type, depth + 1)}`)];
    return `{ ${[...new Set(parts)].join(' ')} }`;
  };
  const operation = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) => {
    const variables: Record<string, unknown> = {};
    const declared: string[] = [];
    const args = field.args
      .filter((arg: GraphQLArgument) => isNonNullType(arg.type) || next() < 0.5)
      .map((arg) => {
        declared.push(`$${arg.name}: ${String(arg.type)}`);
        variables[arg.name] = value(arg.type, 0);
        return `${arg.name}: $${arg.name}`;
      });
    const vars = declared.length ? `(${declared.join(', ')})` : '';
    return { query: `${kind} Fuzz${vars} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(field.type, 1)} }`, variables };
  };

  const queries = Object.values(schema.getQueryType()!.getFields());
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const byOutcome = new Map<string, number>();
  const failures: string[] = [];
  const started = Date.now();
  for (let i = 0; i < operations; i++) {
    const account = pick(accounts);
    const body = next() < 0.8 ? operation('query', pick(queries)) : operation('mutation', pick(mutations));
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(account.login)}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let answer: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      failures.push(`#${i} ${account.login}: not JSON (${response.status})`);
    }
    const code = answer.errors?.[0]?.extensions?.code ?? 'OK';
    byOutcome.set(`${response.status} ${code}`, (byOutcome.get(`${response.status} ${code}`) ?? 0) + 1);
    const fail = (why: string) => failures.push(`#${i} ${account.login} ${why}: ${body.query.slice(0, 300)} ${JSON.stringify(body.variables).slice(0, 200)}`);
    if (response.status >= 500 || code === 'INTERNAL_SERVER_ERROR') fail(`answered ${response.status} ${code}`);
    if (STACK_OR_SQL.test(JSON.stringify(answer.errors ?? []))) fail(`leaked a stack or SQL: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    // Every Person in the answer is under one of the viewer's structure's mandates (persons the run registered aside).
    const mine = visible.get(account.structure_id) ?? new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.__typename === 'Person' && typeof record.id === 'string' && known.has(record.id) && !mine.has(record.id)) {
          fail(`was shown person ${record.id} outside its mandates`);
        }
        Object.values(record).forEach(walk);
      }
    };
    walk(answer.data);
    if (failures.length >= 20) break;
  }
  const seconds = (Date.now() - started) / 1000;
  await server.stop();
  await orm.close();
  await db.stop();
  console.log(`fuzz: ${operations} operations (seed ${seed}) in ${seconds.toFixed(1)} s, as ${accounts.length} accounts`);
  for (const [outcome, count] of [...byOutcome].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(6)}  ${outcome}`);
  console.log(`failures: ${failures.length}`);
  for (const failure of failures) console.log(`  ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    console.error(`fuzz: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
