/**
 * The GraphQL schema as an artefact:
 *   npm run schema:emit    writes schema/schema.graphql from the code
 *   npm run schema:check   fails when the committed file differs from what the code emits
 */
import fs from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../src/server/schema';

const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema', 'schema.graphql');

async function main(): Promise<number> {
  const mode = process.argv[2];
  const emitted = await printAppSchema();
  if (mode === 'emit') {
    fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
    fs.writeFileSync(SCHEMA_FILE, emitted);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    return 0;
  }
  if (mode === 'check') {
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== emitted) {
      console.error('schema/schema.graphql is not what the code emits: run `npm run schema:emit` and commit the result.');
      const a = committed.split('\n');
      const b = emitted.split('\n');
      const first = a.findIndex((line, i) => line !== b[i]);
      console.error(`first difference at line ${first + 1}:\n  committed: ${a[first] ?? '<end>'}\n  emitted:   ${b[first] ?? '<end>'}`);
      return 1;
    }
    console.log('schema/schema.graphql is up to date');
    return 0;
  }
  console.error('usage: schema.ts emit|check');
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
