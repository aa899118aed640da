import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The application's database role: what the API and the worker may do, and nothing more. The
 * owner (who runs the migrations) keeps the schema; `passerelle_app` reads and writes the rows
 * but may not alter the audit log (SELECT and INSERT only on audit_entry and audit_read), may not
 * truncate, alter or drop anything, and, not being a superuser, may not switch triggers off
 * (`session_replication_role` is a superuser's setting). Login roles are members of it.
 */
export const APPLICATION_ROLE = 'passerelle_app';

/** Tables whose rows are never changed once written: the application only inserts and reads them. */
export const APPEND_ONLY_TABLES = ['audit_entry', 'audit_read'] as const;

/** Tables the database derives from others (through security-definer functions): the application only reads them. */
export const DERIVED_TABLES = ['mandate'] as const;

/** A login role for the application (the embedded cluster's, and the tests'). */
export interface ApplicationLogin {
  name: string;
  password: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Creates the application role when missing (when the owner may create roles; otherwise the
 * database administrator creates it, see README "Database roles"), gives it exactly its
 * privileges on what the migrations built (both schemas: public and graphile_worker), and, when
 * asked, a login role that is a member of it. Idempotent: run after every migration.
 * Returns false when the role does not exist and could not be created.
 */
export async function grantApplicationPrivileges(orm: MikroORM, login?: ApplicationLogin): Promise<boolean> {
  const connection = orm.em.getConnection();
  // Only the schema's owner (or a superuser) grants: the application itself (a worker on
  // DATABASE_URL alone) skips this. A superuser counts as a member of every role, so membership
  // is no test; ownership of the audit log is.
  const [{ owner }] = await connection.execute<{ owner: boolean }[]>(
    `select (select rolsuper from pg_roles where rolname = current_user)
            or exists (select 1 from pg_tables where schemaname = 'public' and tablename = 'audit_entry' and tableowner = current_user) as owner`,
  );
  if (!owner) return true;
  const exists = async (role: string) =>
    (await connection.execute<{ found: boolean }[]>('select exists (select 1 from pg_roles where rolname = ?) as found', [role]))[0].found;
  if (!(await exists(APPLICATION_ROLE))) {
    try {
      await connection.execute(`create role ${APPLICATION_ROLE} nologin`);
    } catch {
      return false;
    }
  }
  const statements = [
    `grant usage on schema public to ${APPLICATION_ROLE}`,
    `grant select, insert, update, delete on all tables in schema public to ${APPLICATION_ROLE}`,
    `revoke update, delete, truncate, references, trigger on ${APPEND_ONLY_TABLES.join(', ')} from ${APPLICATION_ROLE}`,
    // Mandates follow the record through triggers whose function runs as the owner: the application only reads them.
    `revoke insert, update, delete, truncate, references, trigger on ${DERIVED_TABLES.join(', ')} from ${APPLICATION_ROLE}`,
    // The migrations' own bookkeeping is the owner's: the application may not mark one as run.
    `revoke all on mikro_orm_migrations from ${APPLICATION_ROLE}`,
    `grant usage, select, update on all sequences in schema public to ${APPLICATION_ROLE}`,
    // The job queue's tables are the owner's (row-level security): the application queues one kind
    // of job, a webhook delivery attempt, through passerelle_queue_delivery; the worker's queue
    // connection is the owner's.
    `grant execute on function passerelle_queue_delivery(uuid, timestamptz) to ${APPLICATION_ROLE}`,
    // The mandates' refresh runs as the owner (security definer); the triggers call it as the application.
    `grant execute on function mandate_refresh(uuid[]) to ${APPLICATION_ROLE}`,
  ];
  for (const statement of statements) await connection.execute(statement);
  if (login) {
    if (!IDENTIFIER.test(login.name)) throw new Error(`not a role name: ${login.name}`);
    const password = login.password.replace(/'/g, "''");
    if (!(await exists(login.name))) {
      await connection.execute(`create role ${login.name} login password '${password}' nosuperuser nocreatedb nocreaterole inherit`);
    }
    await connection.execute(`grant ${APPLICATION_ROLE} to ${login.name}`);
  }
  return true;
}
