/**
 * Generates a migration from the difference between the entities and the schema
 * that the committed migrations build, in a scratch database.
 *   npm run migration:create -- <name> [--blank]
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../src/config/mikro-orm.config';
import { startScratchDatabase } from '../src/config/scratch-database';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const blank = args.includes('--blank');
  const name = args.find((arg) => !arg.startsWith('--'));
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    console.error('usage: npm run migration:create -- <CamelCaseName> [--blank]');
    process.exit(1);
  }
  const db = process.env.DATABASE_URL ? null : await startScratchDatabase();
  const orm = await MikroORM.init(ormOptions(db?.url ?? process.env.DATABASE_URL!));
  try {
    const migrator = orm.getMigrator();
    await migrator.up();
    const result = await migrator.createMigration(undefined, blank, false, name);
    if (!result.fileName) {
      console.log('No changes: the entities match the schema the migrations build.');
    } else {
      console.log(`Created migrations/${result.fileName}`);
      console.log(result.diff.up.join('\n'));
    }
  } finally {
    await orm.close();
    await db?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
