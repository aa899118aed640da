/**
 * Imports structures and services in the data·inclusion v1 format into the directory:
 *   npm run directory:import -- <file.json>
 * The file holds { "structures": [...], "services": [...] } (or a list of structures). Idempotent
 * on `source` + `id`; every line is checked first, and one rejected line rejects the whole file:
 * a report of the rejected lines, nothing half-imported (exit code 2).
 */
import { runCommand, withDatabase } from './support/command';
import fs from 'node:fs';
import { loadConfig } from '../src/config/env';
import { importDataInclusion, parseDirectoryFile } from '../src/directory/directory-import';

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!file) {
    console.error('usage: npm run directory:import -- <file.json>');
    return 1;
  }
  let content: ReturnType<typeof parseDirectoryFile>;
  try {
    content = parseDirectoryFile(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`directory:import: ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const config = loadConfig();
  return withDatabase(config, { migrate: true }, async (orm) => {
    const report = await importDataInclusion(orm.em.fork(), content);
    console.log(JSON.stringify(report, null, 2));
    if (report.rejected.length > 0) {
      console.error(`directory:import: ${report.rejected.length} line(s) rejected; nothing was imported`);
      return 2;
    }
    return 0;
  });
}

runCommand('directory:import', main);
