import type { ApplicationLogin } from './database-roles';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DatabaseSeeder } from '../../seeds/DatabaseSeeder';
import { Structure } from '../structures/structure.entity';
import { migrate } from './orm';

/** True when the database holds no structure at all: a fresh install. */
export async function databaseIsEmpty(orm: MikroORM): Promise<boolean> {
  return (await orm.em.fork().count(Structure)) === 0;
}

/** Loads the demo data set of shared/spec/contract.md. */
export async function loadDemoData(orm: MikroORM): Promise<void> {
  await orm.getSeeder().seed(DatabaseSeeder);
}

/**
 * Drops everything (the append-only audit log included, with its table) and rebuilds
 * the schema from the migrations. Development only: callers refuse it in production.
 */
export async function rebuildSchema(orm: MikroORM, applicationLogin?: ApplicationLogin): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute('drop schema if exists public cascade');
  await connection.execute('create schema public');
  await migrate(orm, applicationLogin);
}
