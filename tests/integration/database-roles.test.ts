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

  it('writes the record, its mandates following through the triggers, and may not write a mandate itself', async () => {
    const [{ id: personId }] = (await app.query<{ id: string }>(`select person_id as id from mandate limit 1`)).rows;
    await app.query('begin');
    try {
      await app.query(`update person set created_at = created_at - interval '1 day' where id = $1`, [personId]);
      const { rows } = await app.query<{ stale: number }>(
        `select count(*)::int as stale from mandate m join person p on p.id = m.person_id where p.id = $1 and m.person_created_at <> p.created_at`,
        [personId],
      );
      expect(rows[0].stale).toBe(0);
    } finally {
      await app.query('rollback');
    }
    // The setting that let the triggers' own writes through is no key: the role has no right to write.
    for (const sql of [
      `insert into mandate (structure_id, person_id, state, since, opened_by, person_created_at, updated_at)
         select s.id, '${personId}', 'FULL', now(), 'FILE', now(), now() from structure s limit 1`,
      `update mandate set state = 'FULL' where person_id = '${personId}'`,
      `delete from mandate where person_id = '${personId}'`,
      'truncate mandate',
      'select mandate_rebuild()',
    ]) {
      await app.query('begin');
      try {
        await app.query(`select set_config('passerelle.mandate_refresh', 'on', true)`);
        await app.query(sql);
        throw new Error(`accepted: ${sql}`);
      } catch (error) {
        expect({ sql, code: (error as { code?: string }).code }).toEqual({ sql, code: '42501' });
      } finally {
        await app.query('rollback');
      }
    }
    // Recomputing from the record is harmless: it writes what the triggers would.
    expect(await refused(`select mandate_refresh(array['${personId}'::uuid])`)).toBe('accepted');
    // The security-definer functions are the application role's alone, not every role's.
    const { rows } = await app.query<{ refresh: boolean; rebuild: boolean; queue: boolean }>(
      `select exists (select 1 from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      where p.proname = 'mandate_refresh' and a.grantee = 0 and a.privilege_type = 'EXECUTE') as refresh,
              exists (select 1 from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      where p.proname = 'mandate_rebuild' and a.grantee = 0 and a.privilege_type = 'EXECUTE') as rebuild,
              exists (select 1 from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      where p.proname = 'passerelle_queue_delivery' and a.grantee = 0 and a.privilege_type = 'EXECUTE') as queue`,
    );
    expect(rows[0]).toEqual({ refresh: false, rebuild: false, queue: false });
  });

  it('queues webhook deliveries, and nothing else', async () => {
    // P0002 no_data_found: no such delivery.
    expect(await refused(`select passerelle_queue_delivery(gen_random_uuid(), now())`)).toBe('P0002');
    expect(await refused(`select passerelle_add_job('retention', '{}'::json, now(), null, 1)`)).toBe('42883');
    // The queue's tables themselves are the owner's.
    expect(await refused(`select graphile_worker.add_job('retention', '{}'::json)`)).toBe('42501');
  });
});
