import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Service } from '../../src/structures/service.entity';
import { Structure } from '../../src/structures/structure.entity';
import { TestApp } from '../support/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(__dirname, '..', 'fixtures', 'data-inclusion-sample.json');

describe('the directory in the data·inclusion v1 format: import command and export endpoints', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  /** `npm run directory:import -- <file>` as a person would run it, on the test's database. */
  async function importFile(file: string): Promise<{ code: number; report: { structures: { created: number; updated: number }; services: { created: number; updated: number }; rejected: { kind: string; line: number; id: string | null; errors: string[] }[] } }> {
    try {
      const { stdout } = await run(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.join(ROOT, 'scripts', 'directory-import.ts'), file], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: app.databaseUrl, NODE_ENV: 'test' },
      });
      return { code: 0, report: JSON.parse(stdout) };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, report: JSON.parse(failed.stdout || '{}') };
    }
  }

  async function exported(what: 'structures' | 'services', token?: string): Promise<Response> {
    return fetch(`${app.url}/directory/data-inclusion/${what}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  }

  it('round-trips a file: imported, then exported as it came, field for field', async () => {
    const { code, report } = await importFile(SAMPLE);
    expect(code).toBe(0);
    expect(report).toEqual({ structures: { created: 1, updated: 0 }, services: { created: 2, updated: 0 }, rejected: [] });
    const token = await app.tokenFor('cpip.grenoble');
    const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as { structures: object[]; services: object[] };
    const structures = (await (await exported('structures', token)).json()) as { source: string }[];
    const services = (await (await exported('services', token)).json()) as { source: string; id: string }[];
    expect(structures.filter((record) => record.source === 'dora')).toEqual(sample.structures);
    expect(services.filter((record) => record.source === 'dora').sort((a, b) => a.id.localeCompare(b.id))).toEqual(sample.services);
    const imported = await app.em().findOneOrFail(Structure, { source: 'dora', sourceId: 'a1b2c3d4-0001' });
    expect(imported).toMatchObject({ kind: 'ASSOCIATION', departement: '38', city: 'Échirolles', siret: '99900012300003' });
    expect(await app.em().count(Service, { structure: imported, receivesReferrals: false })).toBe(2);
  });

  it('is idempotent on source and id', async () => {
    const { code, report } = await importFile(SAMPLE);
    expect(code).toBe(0);
    expect(report).toMatchObject({ structures: { created: 0, updated: 1 }, services: { created: 0, updated: 2 } });
    expect(await app.em().count(Structure, { source: 'dora' })).toBe(1);
  });

  it('rejects a file with a bad line as a whole, with a report of the rejected lines', async () => {
    const sample = JSON.parse(fs.readFileSync(SAMPLE, 'utf8')) as { structures: Record<string, unknown>[]; services: Record<string, unknown>[] };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'di-')), 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        structures: [{ ...sample.structures[0], id: 'new-structure', nom: 'Une autre association' }, { ...sample.structures[0], id: 'bad', description: 'Trop court.', couleur: 'bleu' }],
        services: [{ ...sample.services[0], id: 'orphan', structure_id: 'unknown' }],
      }),
    );
    const before = await app.em().count(Structure);
    const { code, report } = await importFile(file);
    expect(code).toBe(2);
    expect(report.rejected).toEqual([
      { kind: 'structure', line: 2, id: 'bad', errors: ['description must be a text of 50 to 2000 characters', 'couleur is not a field of data·inclusion v1'] },
      { kind: 'service', line: 1, id: 'orphan', errors: ['structure_id names no structure of this source, in the file or imported before'] },
    ]);
    expect(await app.em().count(Structure)).toBe(before);
    const notJson = path.join(path.dirname(file), 'not.json');
    fs.writeFileSync(notJson, '{ "structures": 3 ');
    expect((await importFile(notJson)).code).toBe(2);
  });

  it('exports with a bearer token only, and only the partner structures', async () => {
    expect((await exported('structures')).status).toBe(401);
    const records = (await (await exported('structures', await app.tokenFor('ts.relais38'))).json()) as { nom: string }[];
    const names = records.map((record) => record.nom);
    expect(names).toContain('Relais Isère Sortants');
    const hidden = await app.em().find(Structure, { kind: { $in: ['PRISON', 'EVALUATOR', 'PLATFORM'] as never } });
    for (const structure of hidden) expect(names).not.toContain(structure.name);
    const services = (await (await exported('services', await app.tokenFor('ts.relais38'))).json()) as Record<string, unknown>[];
    // Public information only: no figure of the directory.
    for (const service of services) expect(Object.keys(service)).not.toEqual(expect.arrayContaining(['housingPlaces']));
  });
});
