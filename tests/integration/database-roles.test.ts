import { Client } from 'pg';
import { applicationUrl } from '../../src/config/database';
import { grantApplicationPrivileges } from '../../src/config/database-roles';
import { initOrm } from '../../src/config/orm';
import { createTestDatabase } from '../support/test-app';

/**
 * The application's database role (src/config/database-roles.ts): it reads and writes rows,
 * appends to the audit log, and can neither change the audit log nor switch its triggers off.
 */
describe("the application's database role", () => {
  let database: { url: string; drop(): Promise<void> };
  let app: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = new Client({ connectionString: applicationUrl(database.url) });
    await app.connect();
  });

  afterAll(async () => {
    await app.end();
    await database.drop();
  });

  const refused = async (sql: string) => {
    await app.query('begin');
    try {
      await app.query(sql);
      return 'accepted';
    } catch (error) {
      return (error as { code?: string }).code;
    } finally {
      await app.query('rollback');
    }
  };

  it('is no superuser and may not create roles or databases', async () => {
    const { rows } = await app.query(`select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user`);
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
  });

  it('reads and appends to the audit log, and may not change it by any way', async () => {
    expect(await refused('select count(*) from audit_entry')).toBe('accepted');
    expect(
      await refused(`insert into audit_entry (account_id, structure_id, role, client, kind, request_id, domains)
                     values (gen_random_uuid(), gen_random_uuid(), 'PROBATION_OFFICER', 'USER', 'READ', 'role-test', '{}')`),
    ).toBe('accepted');
    for (const sql of [
      'delete from audit_entry',
      "update audit_entry set request_id = 'x'",
      'truncate audit_entry',
      'delete from audit_read',
      'update audit_read set operation = null',
      'truncate audit_read',
      "set local session_replication_role = 'replica'",
      'alter table audit_entry disable trigger all',
      'drop trigger audit_entry_no_update_delete on audit_entry',
      'drop table audit_entry',
      'create table scratch (id int)',
    ]) {
      // 42501 insufficient_privilege (or "must be owner", the same code).
      expect({ sql, code: await refused(sql) }).toEqual({ sql, code: '42501' });
    }
  });

  it('is granted what a later migration adds, the owner being a superuser (a member of every role)', async () => {
    const owner = await initOrm(database.url, { onDriverWarning: () => undefined });
    try {
      await owner.em.getConnection().execute('create table later_table (id int)');
      expect(await grantApplicationPrivileges(owner)).toBe(true);
    } finally {
      await owner.close();
    }
    expect(await refused('select count(*) from later_table')).toBe('accepted');
    expect(await refused("insert into mikro_orm_migrations (name) values ('Migration29990101000000_Forged')")).toBe('42501');
  });

  it('writes the record (rows, mandates through triggers) and runs the job queue', async () => {
    expect(await refused(`update person set updated_at = updated_at where id in (select id from person limit 5)`)).toBe('accepted');
    expect(await refused(`select passerelle_add_job('noop', '{}'::json, now(), null, 1)`)).toBe('accepted');
    // The queue's tables themselves are the owner's.
    expect(await refused(`select graphile_worker.add_job('noop', '{}'::json)`)).toBe('42501');
  });
});
