import type { MikroORM } from '@mikro-orm/postgresql';
import { Account } from '../../src/accounts/account.entity';
import { openTestOrm } from '../support/test-app';

/** Runs one statement and returns the PostgreSQL error message, or null when it succeeds. */
async function sqlError(orm: MikroORM, sql: string, params: unknown[] = []): Promise<string | null> {
  try {
    await orm.em.getConnection().execute(sql, params);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('the database schema', () => {
  let orm: MikroORM;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ orm, close } = await openTestOrm());
  });

  afterAll(() => close());

  it('is exactly what the entities describe: the committed migrations leave nothing to generate', async () => {
    const pending = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(pending.trim()).toBe('');
  });

  it('indexes every foreign key', async () => {
    const unindexed = await orm.em.getConnection().execute<{ table: string; column: string }[]>(`
      select c.conrelid::regclass::text as table, a.attname as column
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
        )`);
    expect(unindexed).toEqual([]);
  });

  it('stores every timestamp with its time zone', async () => {
    const naive = await orm.em.getConnection().execute<{ table_name: string; column_name: string }[]>(`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'timestamp without time zone'`);
    expect(naive).toEqual([]);
  });

  describe('the audit log is append-only in the database', () => {
    let entryId: string;

    beforeAll(async () => {
      const account = await orm.em.fork().findOneOrFail(Account, { login: 'cpip.grenoble' }, { populate: ['structure'] });
      const rows = await orm.em.getConnection().execute<{ id: string }[]>(
        `insert into audit_entry (account_id, structure_id, role, client, kind, operation, domains, request_id)
         values (?, ?, 'PROBATION_OFFICER', 'USER', 'READ', 'TestRead', '{IDENTITY}', 'test-request') returning id`,
        [account.id, account.structure.id],
      );
      entryId = rows[0].id;
    });

    it('rejects an UPDATE issued directly in SQL', async () => {
      expect(await sqlError(orm, `update audit_entry set operation = 'Tampered' where id = ?`, [entryId])).toMatch(
        /audit_entry is append-only: UPDATE is not allowed/,
      );
    });

    it('rejects a DELETE', async () => {
      expect(await sqlError(orm, `delete from audit_entry where id = ?`, [entryId])).toMatch(/append-only: DELETE/);
    });

    it('rejects a TRUNCATE', async () => {
      expect(await sqlError(orm, `truncate audit_entry`)).toMatch(/append-only: TRUNCATE/);
    });

    it('still holds the entry untouched', async () => {
      const rows = await orm.em.getConnection().execute<{ operation: string }[]>(
        `select operation from audit_entry where id = ?`,
        [entryId],
      );
      expect(rows).toEqual([{ operation: 'TestRead' }]);
    });

    it('rejects a domain that does not exist', async () => {
      const account = await orm.em.fork().findOneOrFail(Account, { login: 'cpip.grenoble' }, { populate: ['structure'] });
      expect(
        await sqlError(
          orm,
          `insert into audit_entry (account_id, structure_id, role, client, kind, domains, request_id)
           values (?, ?, 'PROBATION_OFFICER', 'USER', 'READ', '{GOSSIP}', 'r')`,
          [account.id, account.structure.id],
        ),
      ).toMatch(/audit_entry_domains_values/);
    });
  });

  describe('the reads of a request (audit_read) are append-only too, and checked', () => {
    let readId: string;
    const insert = (domains: string, persons = `array[gen_random_uuid(), gen_random_uuid()]`) =>
      `insert into audit_read (account_id, structure_id, role, client, request_id, person_ids, person_domains)
       values (gen_random_uuid(), gen_random_uuid(), 'PROBATION_OFFICER', 'USER', 'test-read', ${persons}, ${domains}) returning id`;

    beforeAll(async () => {
      readId = (await orm.em.getConnection().execute<{ id: string }[]>(insert(`'{"IDENTITY,SOCIAL",""}'`)))[0].id;
    });

    it('rejects UPDATE, DELETE and TRUNCATE', async () => {
      expect(await sqlError(orm, `update audit_read set operation = 'Tampered' where id = ?`, [readId])).toMatch(/audit_read is append-only: UPDATE/);
      expect(await sqlError(orm, `delete from audit_read where id = ?`, [readId])).toMatch(/audit_read is append-only: DELETE/);
      expect(await sqlError(orm, `truncate audit_read`)).toMatch(/audit_read is append-only: TRUNCATE/);
    });

    it('shows one access-log entry per person, with its domains', async () => {
      const rows = await orm.em.getConnection().execute<{ domains: string[]; kind: string }[]>(
        `select e.domains, e.kind from access_log_entry e join audit_read r on r.request_id = e.request_id where r.id = ? order by cardinality(e.domains) desc`,
        [readId],
      );
      expect(rows).toEqual([
        { domains: ['IDENTITY', 'SOCIAL'], kind: 'READ' },
        { domains: [], kind: 'READ' },
      ]);
    });

    it.each([
      ['a domain that does not exist', `'{"IDENTITY,GOSSIP",""}'`, /audit_read_domains_values/],
      ['domains for fewer persons than listed', `'{IDENTITY}'`, /audit_read_persons_domains/],
    ])('rejects %s', async (_what, domains, constraint) => {
      expect(await sqlError(orm, insert(domains))).toMatch(constraint);
    });
  });

  it.each([
    ['a département that is no INSEE code', `update structure set departement = '999' where kind = 'SPIP'`, /structure_departement_format/],
    ['a structure kind outside the enum', `update structure set kind = 'BANK' where kind = 'SIAO'`, /structure_kind_check/],
    ['a referral without needs', `update referral set needs = '{}'`, /referral_needs_not_empty/],
    ['a need outside the enum', `update referral set needs = '{PIZZA}'`, /referral_needs_values/],
    ['a declined referral without reason', `update referral set decline_reason = null where status = 'DECLINED'`, /referral_decline_reason_when_declined/],
    ['a follow-up ending before it starts', `update follow_up set end_date = start_date - 1`, /follow_up_dates_order/],
    ['a negative number of housing places', `update service set housing_places = -1`, /service_housing_places_non_negative/],
    ['a case note over 20,000 characters', `update case_note set text = repeat('x', 20001)`, /case_note_text_length/],
    ['a consent expiring before it was given', `update consent set expires_at = given_at - interval '1 day'`, /consent_expiry_after_given/],
    ['an evaluation period ending before it starts', `update evaluation set period_end = period_start - 1`, /evaluation_period_order/],
    ['two right steps of the same kind for one person', `insert into right_step (person_id, kind, status) select person_id, kind, status from right_step limit 1`, /right_step_person_kind_unique/],
  ])('rejects %s', async (_what, sql, constraint) => {
    expect(await sqlError(orm, sql)).toMatch(constraint);
  });
});
