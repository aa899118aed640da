/**
 * Pseudonymises the records whose retention has ended (access-policy.md, "Retention"):
 *   npm run retention -- [--dry-run] [--as-of YYYY-MM-DD]
 * A person with no open mandate and no contact for two years before the as-of date (today
 * by default) loses identity and free text; outcome facts and the audit log stay. Prints one
 * line per person (id, pseudonym, last contact: never a name) and the total; `--dry-run`
 * changes nothing. The worker runs the same every day. Exit codes: 0 done, 2 bad arguments
 * (or a later as-of date than today for a real run in production), 1 any other failure.
 */
import { runCommand, withDatabase } from './support/command';
import { loadConfig } from '../src/config/env';
import { RETENTION_YEARS } from '../src/policy/access-policy';
import { parseAsOf, pseudonymise } from '../src/retention/retention';
import { toIsoDate } from '../src/shared/scalars';

const USAGE = 'usage: npm run retention -- [--dry-run] [--as-of YYYY-MM-DD]';

class UsageError extends Error {}

function parseArgs(args: string[]): { dryRun: boolean; asOf: string | null } {
  let dryRun = false;
  let asOf: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--dry-run') {
      dryRun = true;
    } else if (arg === '--as-of' || arg.startsWith('--as-of=')) {
      const value = arg === '--as-of' ? args[++i] : arg.slice('--as-of='.length);
      if (value === undefined) throw new UsageError('--as-of needs a date, YYYY-MM-DD');
      asOf = parseAsOf(value);
      if (!asOf) throw new UsageError(`--as-of: "${value}" is not a calendar day YYYY-MM-DD (from 1900 to 2100)`);
    } else {
      throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  return { dryRun, asOf };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`retention: ${error.message}\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const today = toIsoDate(new Date());
  const asOf = options.asOf ?? today;
  // A later date pseudonymises records whose retention has not ended: a rehearsal, not a production run.
  if (asOf > today && !options.dryRun && config.nodeEnv === 'production') {
    console.error(`retention: --as-of ${asOf} is after today; in production a later date is for --dry-run only`);
    return 2;
  }
  return withDatabase(config, { migrate: true }, async (orm) => {
    const run = await pseudonymise(orm.em.fork(), asOf, { dryRun: options.dryRun });
    for (const person of run.persons) console.log(`${person.id}  ${person.pseudonym}  ${toIsoDate(person.lastContactAt)}`);
    const verb = run.dryRun ? 'would be pseudonymised' : 'pseudonymised';
    console.log(`${run.persons.length} person(s) ${verb} as of ${run.asOf} (no open mandate, no contact for ${RETENTION_YEARS} years)${run.dryRun ? '; nothing changed (dry run)' : ''}`);
    return 0;
  });
}

runCommand('retention', main);
