/**
 * Artefacts generated from the code and committed, checked in `npm test`:
 *   schema   schema/schema.graphql (and its compatibility with schema/contract.graphql)
 *   docs     docs/access-matrix.md (from the access policy)
 * Usage: artefacts.ts emit|check schema|docs
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { renderAccessMatrix } from '../src/policy/access-matrix';
import { checkContract } from '../src/server/contract-check';
import { buildAppSchema, printAppSchema } from '../src/server/schema';

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'schema.graphql');
const CONTRACT_FILE = path.join(ROOT, 'schema', 'contract.graphql');
const SHARED_CONTRACT = path.join(ROOT, '..', 'shared', 'spec', 'contract.graphql');
const MATRIX_FILE = path.join(ROOT, 'docs', 'access-matrix.md');

const ARTEFACTS = {
  schema: { file: SCHEMA_FILE, render: printAppSchema, command: 'npm run schema:emit' },
  docs: { file: MATRIX_FILE, render: async () => renderAccessMatrix(await buildAppSchema()), command: 'npm run docs:emit' },
};

function firstDifference(committed: string, emitted: string): string {
  const a = committed.split('\n');
  const b = emitted.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? Math.min(a.length, b.length) : line;
  return `first difference at line ${at + 1}:\n  committed: ${a[at] ?? '<end>'}\n  generated: ${b[at] ?? '<end>'}`;
}

/** The emitted schema keeps every type and field of the contract it serves as the contract says. */
function contractProblems(emitted: string): string[] {
  const contract = fs.readFileSync(CONTRACT_FILE, 'utf8');
  const problems: string[] = [];
  if (fs.existsSync(SHARED_CONTRACT) && fs.readFileSync(SHARED_CONTRACT, 'utf8') !== contract) {
    problems.push('schema/contract.graphql differs from shared/spec/contract.graphql: copy the shared contract in.');
  }
  const report = checkContract(contract, emitted);
  problems.push(...report.breaks.map((change) => `breaks the contract: ${change}`));
  if (report.notServed.length > 0) {
    console.log(`contract parts not served yet (${report.notServed.length}): ${report.notServed.join(' ')}`);
  }
  return problems;
}

async function main(): Promise<number> {
  const [mode, name] = process.argv.slice(2);
  const artefact = ARTEFACTS[name as keyof typeof ARTEFACTS];
  if (!artefact || (mode !== 'emit' && mode !== 'check')) {
    console.error('usage: artefacts.ts emit|check schema|docs');
    return 1;
  }
  const generated = await artefact.render();
  const relative = path.relative(ROOT, artefact.file);
  if (mode === 'emit') {
    fs.mkdirSync(path.dirname(artefact.file), { recursive: true });
    fs.writeFileSync(artefact.file, generated);
    console.log(`wrote ${relative}`);
    return 0;
  }
  const problems: string[] = [];
  const committed = fs.existsSync(artefact.file) ? fs.readFileSync(artefact.file, 'utf8') : '';
  if (committed !== generated) {
    problems.push(`${relative} is not what the code generates: run \`${artefact.command}\` and commit it.\n${firstDifference(committed, generated)}`);
  }
  if (name === 'schema') problems.push(...contractProblems(generated));
  for (const problem of problems) console.error(problem);
  if (problems.length === 0) console.log(`${relative} is up to date`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
