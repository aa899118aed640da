import type { EntityClass } from '@mikro-orm/core';
import { Account } from '../../src/accounts/account.entity';
import { ClientKind } from '../../src/auth/role';
import type { Viewer } from '../../src/auth/viewer';
import { PERSON_DATA_ROLES } from '../../src/policy/access-policy';
import { mandateSubquery } from '../../src/policy/mandate.repository';
import { PersonAccess } from '../../src/policy/person-access';
import '../../src/policy/record-kinds';
import { recordAccessFor } from '../../src/policy/record-access';
import { recordVisibleSql } from '../../src/policy/record-sql';
import { NOT_RECORDS, recordDeclarations } from '../../src/policy/records';
import { Service } from '../../src/structures/service.entity';
import { Structure } from '../../src/structures/structure.entity';
import { TestApp } from '../support/test-app';

/**
 * The record decision exists twice, as code (decideRecord, used for lookups, nested fields,
 * messages and writes) and as SQL (recordVisibleSql, used for lists and counts). Here both
 * judge every record of every declared kind in the demo data, plus records made through the
 * API for the hard cases (a CSAPA's shelter request and right-step change, a revoked
 * consent, a CSAPA placement), for every account that reads persons: they must agree.
 */
describe('record decisions: code and SQL agree, every table of person records is declared', () => {
  let app: TestApp;

  async function call(login: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const response = await app.post({ query, variables }, await app.tokenFor(login));
    const body = (await response.json()) as { data: Record<string, any>; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    const id = async (name: string) => (await em.findOneOrFail(Structure, { name })).id;
    const [csapa38, csapa44, varces] = await Promise.all([id('CSAPA Grenoble Addictions'), id('CSAPA Nantes Addictions'), id("Maison d'arrêt de Grenoble-Varces")]);
    const shortStay = (await em.findOneOrFail(Service, { name: 'Accueil court et accès rapide aux soins' })).id;
    const person = (
      await call('cpip.grenoble', `mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { id } }`, {
        i: { firstName: 'Cas', lastName: 'Limite', expectedReleaseDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), establishmentId: varces },
      })
    ).registerPerson.id;
    for (const to of [csapa38, csapa44]) {
      const referral = (
        await call('cpip.grenoble', `mutation($i: ReferPersonInput!) { referPerson(input: $i) { id } }`, {
          i: { personId: person, toStructureId: to, needs: ['ADDICTION_CARE'] },
        })
      ).referPerson.id;
      await call(to === csapa38 ? 'soignant.csapa38' : 'soignant.csapa44', `mutation($id: ID!) { acceptReferral(id: $id) { id } }`, { id: referral });
    }
    for (const [domain, recipient] of [['SOCIAL', csapa38], ['HOUSING', csapa38], ['HOUSING', csapa44]]) {
      await call('cpip.grenoble', `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id } }`, { i: { personId: person, domain, recipientStructureId: recipient } });
    }
    await call('soignant.csapa38', `mutation($i: RequestShelterInput!) { requestShelter(input: $i) { id } }`, { i: { personId: person } });
    await call('soignant.csapa38', `mutation { updateRightStep(personId: "${person}", kind: HEALTH_INSURANCE, status: SUBMITTED, note: "CSS") { version } }`);
    await call('soignant.csapa44', `mutation { placePerson(personId: "${person}", serviceId: "${shortStay}") { id } }`);
    const consent = (
      await call('soignant.csapa38', `mutation($i: RecordConsentInput!) { recordConsent(input: $i) { id } }`, { i: { personId: person, domain: 'HEALTH_SUMMARY' } })
    ).recordConsent.id;
    await call('soignant.csapa38', `mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: consent });
  });

  afterAll(async () => {
    await app.close();
  });

  it('every table with a person column is a declared record or listed, with its reason, as not one', () => {
    const declared = new Set(recordDeclarations().map((d) => d.sql.table));
    const withPerson = app.orm
      .getMetadata()
      .getAll();
    const tables = Object.values(withPerson)
      .filter((meta) => !meta.embeddable && !meta.virtual && meta.tableName !== 'person')
      .filter((meta) => Object.values(meta.properties).some((prop) => prop.fieldNames?.some((name) => name === 'person_id' || name === 'person_ids')))
      .map((meta) => meta.tableName);
    const undeclared = tables.filter((table) => !declared.has(table) && !(table in NOT_RECORDS));
    expect(undeclared).toEqual([]);
    // A declaration reads a table, or a view that an entity maps (access_log_entry).
    const views = Object.values(withPerson)
      .filter((meta) => meta.virtual)
      .map((meta) => meta.tableName);
    for (const declaration of recordDeclarations()) expect([...tables, ...views]).toContain(declaration.sql.table);
  });

  it('decideRecord and recordVisibleSql show the same records to every account', async () => {
    const em = app.em();
    const accounts = await em.find(Account, { role: { $in: [...PERSON_DATA_ROLES] } }, { populate: ['structure'] });
    expect(accounts.length).toBeGreaterThanOrEqual(6);
    const entityOf = (table: string) =>
      Object.values(app.orm.getMetadata().getAll()).find((meta) => meta.tableName === table)!.class as EntityClass<object>;
    let compared = 0;
    for (const account of accounts) {
      const viewer: Viewer = {
        accountId: account.id,
        login: account.login,
        role: account.role,
        clientKind: ClientKind.USER,
        structureId: account.structure.id,
        structureKind: account.structure.kind,
      };
      for (const declaration of recordDeclarations()) {
        const fork = app.em();
        const access = new PersonAccess(fork, viewer);
        const mandates = mandateSubquery(viewer.structureId);
        const predicate = recordVisibleSql(declaration, viewer, 'm.state');
        const bySql = await fork.getConnection().execute<{ id: string }[]>(
          `select r.id from ${declaration.sql.table} r left join (${mandates.sql}) m on m.person_id = ${declaration.sql.personId} where ${predicate.sql}`,
          [...mandates.params, ...predicate.params],
        );
        const rows = (await fork.find(entityOf(declaration.sql.table), {})) as { id: string }[];
        const decisions = await Promise.all(rows.map((row) => access.sees(declaration, row as never)));
        const byCode = rows.filter((_, index) => decisions[index]).map((row) => row.id);
        // Outside a request (event delivery): the same decision, actor included, on a sample of rows.
        for (const row of rows.filter((_, index) => index % 97 === 0)) {
          const inRequest = await access.record(declaration, row as never);
          expect({ id: row.id, ...(await recordAccessFor(fork, viewer, declaration, row.id)) }).toEqual({ id: row.id, ...inRequest });
        }
        expect({ login: account.login, kind: declaration.kind, ids: bySql.map((r) => r.id).sort() }).toEqual({
          login: account.login,
          kind: declaration.kind,
          ids: byCode.sort(),
        });
        compared += rows.length;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });
});
