import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../src/accounts/account.entity';
import { Role } from '../../src/auth/role';
import { FollowUp } from '../../src/support/follow-up.entity';
import { Placement } from '../../src/housing/placement.entity';
import { Need } from '../../src/shared/need';
import { Referral } from '../../src/support/referral.entity';
import { Convention } from '../../src/support/convention.entity';
import { Service } from '../../src/structures/service.entity';
import { StructureKind } from '../../src/shared/structure-kind';
import { Structure } from '../../src/structures/structure.entity';
import { PersonFactory } from '../../seeds/factories/person.factory';
import { uniqueSuffix } from '../../seeds/factories/sequence';
import { ServiceFactory, StructureFactory } from '../../seeds/factories/structure.factory';
import {
  DirectoryDocument,
  DirectoryFiguresDocument,
  type DirectoryFiguresQuery,
  ReferPersonDocument,
  ReferralDocument,
  RegisterPersonDocument,
  StructureByIdDocument,
  StructureFiguresDocument,
} from '../generated/graphql';
import { TestApp, errorCodes } from '../support/test-app';

describe('the directory of partners', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists every partner kind, with the contract structures and the prisons', async () => {
    const result = await app.as('ts.relais38').query(DirectoryDocument);
    expect(result.errors).toBeUndefined();
    const structures = result.data!.structures;
    expect(new Set(structures.map((s) => s.kind))).toEqual(new Set(Object.values(StructureKind)));
    expect(structures.map((s) => [s.name, s.kind, s.departement])).toEqual(
      expect.arrayContaining([
        ["SPIP de l'Isère", 'SPIP', '38'],
        ['SPIP de Maine-et-Loire', 'SPIP', '49'],
        ['Relais Isère Sortants', 'ASSOCIATION', '38'],
        ['CSAPA Nantes Addictions', 'CSAPA', '44'],
        ['CSAPA Grenoble Addictions', 'CSAPA', '38'],
        ["SIAO de l'Isère", 'SIAO', '38'],
        ['Observatoire des drogues', 'EVALUATOR', null],
        ['Plateforme', 'PLATFORM', null],
        ["Maison d'arrêt de Grenoble-Varces", 'PRISON', '38'],
        ["Maison d'arrêt d'Angers", 'PRISON', '49'],
        ['Centre pénitentiaire de Nantes', 'PRISON', '44'],
      ]),
    );
  });

  it('shows the association of seed 002 with its two services and their capacity', async () => {
    const result = await app.as('eval.ofdt').query(DirectoryDocument, { kind: 'ASSOCIATION' });
    const relais = result.data!.structures.find((s) => s.name === 'Relais Isère Sortants')!;
    expect(relais.services.map((s) => [s.name, s.housingPlaces, s.activeFileCapacity])).toEqual([
      ['Hébergement des sortants de prison', 10, null],
      ["Sortants de maison d'arrêt", null, 25],
    ]);
    expect(relais.services.every((s) => s.structure.id === relais.id)).toBe(true);
  });

  it('filters by kind and département', async () => {
    const result = await app.as('cpip.angers').query(DirectoryDocument, { departement: '38', kind: 'CSAPA' });
    expect(result.data!.structures.map((s) => s.name)).toEqual(['CSAPA Grenoble Addictions']);
  });

  it('rejects a département that is not an INSEE code, naming the argument', async () => {
    const result = await app.as('cpip.angers').query(DirectoryDocument, { departement: '999' });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ argumentName: 'departement' });
  });

  it('finds a structure by id, and answers null for an unknown id', async () => {
    const all = await app.as('coord.siao38').query(DirectoryDocument);
    const siao = all.data!.structures.find((s) => s.kind === 'SIAO')!;
    const found = await app.as('coord.siao38').query(StructureByIdDocument, { id: siao.id });
    expect(found.data!.structure).toEqual({ id: siao.id, name: "SIAO de l'Isère", kind: 'SIAO', departement: '38' });
    const unknown = await app.as('coord.siao38').query(StructureByIdDocument, { id: '9b2c6a0e-0000-4000-8000-000000000001' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.structure).toBeNull();
  });

  it('rejects an id that is not a UUID with BAD_USER_INPUT naming the argument', async () => {
    const result = await app.as('coord.siao38').query(StructureByIdDocument, { id: "1' or '1'='1" });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ argumentName: 'id' });
  });

  it('costs the same number of SQL statements whatever the number of structures and services', async () => {
    const token = await app.tokenFor('cpip.grenoble');
    const before = await app.sql.count(() => app.request(DirectoryDocument, {}, token));

    const em = app.em();
    const structures = new StructureFactory(em).make(15);
    for (const structure of structures) new ServiceFactory(em).make(3, { structure });
    await em.flush();
    expect(await em.count(Service)).toBeGreaterThan(45);

    const after = await app.sql.count(() => app.request(DirectoryDocument, {}, token));
    expect(after.result.data!.structures.length).toBe(before.result.data!.structures.length + 15);
    // Authentication, the structures, then their services in one batch.
    expect(after.statements).toBe(before.statements);
    expect(after.statements).toBe(3);
  });
});

type StructureFigures = DirectoryFiguresQuery['structures'][number];
type ServiceFigures = StructureFigures['services'][number];

const TODAY = new Date().toISOString().slice(0, 10);

/** Partners who orient persons, the evaluator, and the CSAPA that is not the one looked at. */
const NOT_CSAPA38 = ['coord.siao38', 'ts.relais38', 'cpip.grenoble', 'cpip.angers', 'soignant.csapa44', 'eval.ofdt'];
const PARTNERS = ['coord.siao38', 'ts.relais38', 'cpip.grenoble', 'soignant.csapa38', 'soignant.csapa44'];

const HIDDEN_SERVICE = { occupancy: null, available: null, hasFreePlaces: null, activeFiles: null };

/**
 * Directory figures about persons (access-policy.md, "Records and their actors", last rule):
 * exact for the structure itself; a CSAPA's shown to no one else; counts of 1 to 10 shown to
 * other partners only as availability, and never to evaluators.
 */
describe('directory figures about persons', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function figuresOf(login: string, structureId: string): Promise<StructureFigures> {
    const result = await app.as(login).query(StructureFiguresDocument, { id: structureId });
    expect(result.errors).toBeUndefined();
    return result.data!.structure!;
  }

  function service(structure: StructureFigures, name: string): ServiceFigures {
    const found = structure.services.find((s) => s.name === name);
    if (!found) throw new Error(`${structure.name} has no service ${name}`);
    return found;
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    const [row] = await app.em().getConnection().execute<{ count: number }[]>(sql, params);
    return row.count;
  }

  /** Open placements, open follow-ups and use of the conventions of a structure, read from the database. */
  async function truthOf(structureId: string) {
    const services = await app.em().find(Service, { structure: structureId });
    const conventions = await app.em().find(Convention, { structure: structureId });
    return {
      services: Object.fromEntries(
        await Promise.all(
          services.map(async (s) => [
            s.name,
            {
              occupancy: await count('select count(*)::int as count from placement where service_id = ? and end_date is null', [s.id]),
              activeFiles: await count('select count(*)::int as count from follow_up where service_id = ? and end_date is null', [s.id]),
            },
          ]),
        ),
      ) as Record<string, { occupancy: number; activeFiles: number }>,
      conventions: Object.fromEntries(
        await Promise.all(
          conventions.map(async (c) => [
            c.id,
            await count(
              `select count(*)::int as count from referral where convention_id = ? and status <> 'CANCELLED' and created_at >= date_trunc('year', now())`,
              [c.id],
            ),
          ]),
        ),
      ) as Record<string, number>,
    };
  }

  /** Persons registered by a SPIP, to be placed, followed or referred in arrangements. */
  function persons(em: EntityManager, spip: Structure, n: number) {
    return Array.from({ length: n }, () => new PersonFactory(em).makeRecord({ spip }).person);
  }

  interface ServicePlan {
    name: string;
    housingPlaces?: number;
    activeFileCapacity?: number;
    occupancy?: number;
    activeFiles?: number;
  }

  /**
   * A new association of its own (with a social worker), its services with the given places
   * taken and persons followed, and a convention with the SPIP de l'Isère per referral count.
   */
  async function arrangeAssociation(plans: ServicePlan[], conventionUses: number[] = []) {
    const em = app.em();
    const spip = await em.findOneOrFail(Structure, ids.spip38);
    const cpip = await em.findOneOrFail(Account, { login: 'cpip.grenoble' });
    const structure = new StructureFactory(em).makeOne({ kind: StructureKind.ASSOCIATION });
    const worker = new Account(`ts.figures.${uniqueSuffix()}`, 'Travailleur social', structure, Role.SOCIAL_WORKER);
    em.persist(worker);
    for (const plan of plans) {
      const created = new ServiceFactory(em).makeOne({
        structure,
        name: plan.name,
        housingPlaces: plan.housingPlaces ?? null,
        activeFileCapacity: plan.activeFileCapacity ?? null,
      });
      for (const person of persons(em, spip, plan.occupancy ?? 0)) em.persist(new Placement(person, created, worker, TODAY));
      for (const person of persons(em, spip, plan.activeFiles ?? 0)) {
        const followUp = new FollowUp(person, structure, TODAY);
        followUp.service = created;
        em.persist(followUp);
      }
    }
    const conventions = conventionUses.map((uses, index) => {
      const convention = new Convention(structure, spip, 100, `${TODAY.slice(0, 4)}-01-01`);
      convention.title = `Convention ${index}`;
      em.persist(convention);
      for (const person of persons(em, spip, uses)) {
        const referral = new Referral(person, spip, structure, [Need.SOCIAL_SUPPORT], cpip);
        referral.convention = convention;
        em.persist(referral);
      }
      return convention;
    });
    await em.flush();
    return { structureId: structure.id, login: worker.login, conventionIds: conventions.map((c) => c.id) };
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    const structure = async (name: string) => (await em.findOneOrFail(Structure, { name })).id;
    ids.csapa38 = await structure('CSAPA Grenoble Addictions');
    ids.csapa44 = await structure('CSAPA Nantes Addictions');
    ids.relais = await structure('Relais Isère Sortants');
    ids.siao = await structure("SIAO de l'Isère");
    ids.spip38 = await structure("SPIP de l'Isère");
    ids.angers = await structure("Maison d'arrêt d'Angers");
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows each structure its own figures exactly, small ones and a CSAPA’s included', async () => {
    for (const [login, structureId] of [
      ['soignant.csapa38', ids.csapa38],
      ['soignant.csapa44', ids.csapa44],
      ['ts.relais38', ids.relais],
      ['coord.siao38', ids.siao],
    ]) {
      const shown = await figuresOf(login, structureId);
      const truth = await truthOf(structureId);
      for (const s of shown.services) {
        const { occupancy, activeFiles } = truth.services[s.name];
        expect({ login, service: s.name, activeFiles: s.activeFiles, withheld: s.withheldFigures }).toEqual({ login, service: s.name, activeFiles, withheld: [] });
        const places = s.housingPlaces;
        if (typeof places === 'number') expect(s).toMatchObject({ occupancy, available: places - occupancy });
      }
      for (const c of shown.conventions) {
        expect(c).toMatchObject({ referralsThisYear: truth.conventions[c.id], withheldFigures: [] });
      }
    }
    // The demo data has small figures of each kind, shown to their own structure.
    const csapa38 = await figuresOf('soignant.csapa38', ids.csapa38);
    expect(csapa38.services[0].activeFiles).toBeGreaterThanOrEqual(1);
    expect(csapa38.conventions[0].referralsThisYear).toBeGreaterThanOrEqual(1);
    const relais = await figuresOf('ts.relais38', ids.relais);
    expect(service(relais, 'Hébergement des sortants de prison').occupancy).toBeGreaterThanOrEqual(1);
  });

  it('shows a CSAPA’s figures to no one else: SIAO, association, SPIP, evaluator and the other CSAPA get null, not even availability', async () => {
    for (const login of NOT_CSAPA38) {
      const shown = await figuresOf(login, ids.csapa38);
      expect(shown.services.length).toBeGreaterThan(0);
      for (const s of shown.services) {
        expect({ login, ...s }).toMatchObject({ login, ...HIDDEN_SERVICE });
        expect(s.withheldFigures.map((w) => w.reason)).toEqual(expect.arrayContaining(['HEALTH_DATA']));
        expect(new Set(s.withheldFigures.map((w) => w.reason))).toEqual(new Set(['HEALTH_DATA']));
        expect(s.withheldFigures.map((w) => w.figure)).toEqual(expect.arrayContaining(['ACTIVE_FILES', 'HAS_FREE_PLACES']));
      }
      expect(shown.conventions.length).toBeGreaterThan(0);
      for (const c of shown.conventions) {
        expect({ login, ...c }).toMatchObject({
          login,
          referralsThisYear: null,
          activeFiles: null,
          withheldFigures: [
            { figure: 'REFERRALS_THIS_YEAR', reason: 'HEALTH_DATA' },
            { figure: 'ACTIVE_FILES', reason: 'HEALTH_DATA' },
          ],
        });
      }
    }
    // The CSAPA with housing places: its occupancy is withheld too, from the list as from the lookup.
    const list = await app.as('coord.siao38').query(DirectoryFiguresDocument, { kind: 'CSAPA' });
    const shortStay = list.data!.structures.find((s) => s.id === ids.csapa44)!.services.find((s) => s.housingPlaces !== null)!;
    expect(shortStay).toMatchObject({ ...HIDDEN_SERVICE, housingPlaces: 4 });
    expect(shortStay.withheldFigures).toEqual([
      { figure: 'OCCUPANCY', reason: 'HEALTH_DATA' },
      { figure: 'AVAILABLE', reason: 'HEALTH_DATA' },
      { figure: 'HAS_FREE_PLACES', reason: 'HEALTH_DATA' },
      { figure: 'ACTIVE_FILES', reason: 'HEALTH_DATA' },
    ]);
  });

  it('shows other partners a count of 1 to 10 only as availability, and hasFreePlaces tells free from full', async () => {
    const arranged = await arrangeAssociation(
      [
        { name: 'A places libres', housingPlaces: 6, occupancy: 4 },
        { name: 'B places prises', housingPlaces: 3, occupancy: 3 },
        { name: 'C file pleine', activeFileCapacity: 8, activeFiles: 8 },
        { name: 'D file ouverte', activeFileCapacity: 8, activeFiles: 2 },
      ],
      [7],
    );
    const smallCount = (...figures: string[]) => figures.map((figure) => ({ figure, reason: 'SMALL_COUNT' }));
    for (const login of PARTNERS) {
      const shown = await figuresOf(login, arranged.structureId);
      expect({ login, services: shown.services }).toEqual({
        login,
        services: [
          expect.objectContaining({ occupancy: null, available: null, hasFreePlaces: true, activeFiles: 0, withheldFigures: smallCount('OCCUPANCY', 'AVAILABLE') }),
          expect.objectContaining({ occupancy: null, available: null, hasFreePlaces: false, activeFiles: 0, withheldFigures: smallCount('OCCUPANCY', 'AVAILABLE') }),
          expect.objectContaining({ occupancy: null, available: null, hasFreePlaces: false, activeFiles: null, withheldFigures: smallCount('ACTIVE_FILES') }),
          expect.objectContaining({ occupancy: null, available: null, hasFreePlaces: true, activeFiles: null, withheldFigures: smallCount('ACTIVE_FILES') }),
        ],
      });
      expect(shown.conventions).toEqual([
        expect.objectContaining({ referralsThisYear: null, activeFiles: null, withheldFigures: smallCount('REFERRALS_THIS_YEAR', 'ACTIVE_FILES') }),
      ]);
    }
    // The association itself reads them exactly.
    const own = await figuresOf(arranged.login, arranged.structureId);
    expect(own.services.map((s) => [s.occupancy, s.available, s.hasFreePlaces, s.activeFiles])).toEqual([
      [4, 2, true, 0],
      [3, 0, false, 0],
      [null, null, false, 8],
      [null, null, true, 2],
    ]);
    // A convention naming no service counts the structure's whole active file.
    expect(own.conventions.map((c) => [c.referralsThisYear, c.activeFiles])).toEqual([[7, 10]]);
  });

  it('never shows an evaluator a count of 1 to 10 persons, not even as availability', async () => {
    const arranged = await arrangeAssociation(
      [
        { name: 'A places libres', housingPlaces: 6, occupancy: 4 },
        { name: 'B file', activeFileCapacity: 8, activeFiles: 8 },
      ],
      [3],
    );
    const shown = await figuresOf('eval.ofdt', arranged.structureId);
    expect(shown.services).toEqual([
      expect.objectContaining({ ...HIDDEN_SERVICE, activeFiles: 0 }),
      expect.objectContaining(HIDDEN_SERVICE),
    ]);
    expect(shown.services[0].withheldFigures.map((w) => [w.figure, w.reason])).toEqual([
      ['OCCUPANCY', 'SMALL_COUNT'],
      ['AVAILABLE', 'SMALL_COUNT'],
      ['HAS_FREE_PLACES', 'SMALL_COUNT'],
    ]);
    expect(shown.conventions).toEqual([expect.objectContaining({ referralsThisYear: null, activeFiles: null })]);

    // Across the whole directory: every count of persons is null, 0 or more than 10.
    const all = await app.as('eval.ofdt').query(DirectoryFiguresDocument);
    expect(all.errors).toBeUndefined();
    const counts = all.data!.structures.flatMap((s) => [
      ...s.services.flatMap((v) => [v.occupancy, v.activeFiles]),
      ...s.conventions.flatMap((c) => [c.referralsThisYear, c.activeFiles]),
    ]);
    expect(counts.filter((n) => typeof n === 'number' && n >= 1 && n <= 10)).toEqual([]);
    for (const s of all.data!.structures.flatMap((structure) => structure.services)) {
      // Free places follow from places taken and the public capacity: shown together or not at all.
      expect(s.available === null).toBe(s.occupancy === null);
    }
  });

  it('shows counts of 0 and of more than 10 exactly to every other structure, the evaluator included', async () => {
    const arranged = await arrangeAssociation(
      [
        { name: 'A presque plein', housingPlaces: 14, occupancy: 12 },
        { name: 'B vide', housingPlaces: 5, occupancy: 0 },
        { name: 'C grande file', activeFileCapacity: 30, activeFiles: 11 },
      ],
      [11, 0],
    );
    for (const login of [...PARTNERS, 'eval.ofdt']) {
      const shown = await figuresOf(login, arranged.structureId);
      expect({ login, services: shown.services.map((s) => [s.occupancy, s.available, s.hasFreePlaces, s.activeFiles, s.withheldFigures]) }).toEqual({
        login,
        services: [
          [12, 2, true, 0, []],
          [0, 5, true, 0, []],
          [null, null, true, 11, []],
        ],
      });
      expect({ login, conventions: shown.conventions.map((c) => [c.referralsThisYear, c.activeFiles, c.withheldFigures]) }).toEqual({
        login,
        conventions: expect.arrayContaining([
          [11, 11, []],
          [0, 11, []],
        ]),
      });
    }
  });

  it('lets a structure that may not read a CSAPA’s figures learn nothing of them: not by availability, conventions or a referral', async () => {
    const watchers = ['coord.siao38', 'ts.relais38', 'cpip.grenoble', 'cpip.angers', 'soignant.csapa38', 'eval.ofdt'];
    const directory = async (login: string) => {
      const result = await app.as(login).query(DirectoryFiguresDocument);
      expect(result.errors).toBeUndefined();
      return result.data!.structures;
    };
    const before = Object.fromEntries(await Promise.all(watchers.map(async (login) => [login, await directory(login)])));

    // The SPIP de Maine-et-Loire, partner of the CSAPA's convention, refers a person to it.
    const em = app.em();
    const care = await em.findOneOrFail(Service, { structure: ids.csapa44, housingPlaces: null });
    const shortStay = await em.findOneOrFail(Service, { structure: ids.csapa44, housingPlaces: { $ne: null } }, { populate: ['structure'] });
    const registered = await app.as('cpip.angers').query(RegisterPersonDocument, {
      input: { firstName: 'Figure', lastName: 'Témoin', establishmentId: ids.angers, expectedReleaseDate: TODAY, measure: 'NONE' },
    });
    expect(registered.errors).toBeUndefined();
    const referred = await app.as('cpip.angers').query(ReferPersonDocument, {
      input: { personId: registered.data!.registerPerson.id, toStructureId: ids.csapa44, serviceId: care.id, needs: ['ADDICTION_CARE'] },
    });
    expect(referred.errors).toBeUndefined();
    const referralId = referred.data!.referPerson.id;
    const referralSeen = async (login: string) => {
      const result = await app.as(login).query(ReferralDocument, { id: referralId });
      expect(result.errors).toBeUndefined();
      const { convention, warnings } = result.data!.referral!;
      return { convention, warnings: warnings.map((w) => w.code) };
    };
    const senderBefore = await referralSeen('cpip.angers');
    expect(senderBefore.convention).toMatchObject({ yearlyQuota: 40, referralsThisYear: null });

    // Then the CSAPA's figures move across every threshold: its places all taken, its active
    // file past 10 and full, its convention past 10 and past its quota.
    const spip49 = await em.findOneOrFail(Structure, { name: 'SPIP de Maine-et-Loire' });
    const cpip = await em.findOneOrFail(Account, { login: 'cpip.angers' });
    const carer = await em.findOneOrFail(Account, { login: 'soignant.csapa44' });
    const convention = await em.findOneOrFail(Convention, { structure: ids.csapa44 });
    const taken = await count('select count(*)::int as count from placement where service_id = ? and end_date is null', [shortStay.id]);
    for (const person of persons(em, spip49, shortStay.housingPlaces! - taken)) em.persist(new Placement(person, shortStay, carer, TODAY));
    for (const person of persons(em, spip49, 45)) {
      const followUp = new FollowUp(person, shortStay.structure, TODAY);
      followUp.service = care;
      em.persist(followUp);
      const referral = new Referral(person, spip49, shortStay.structure, [Need.ADDICTION_CARE], cpip);
      referral.convention = convention;
      em.persist(referral);
    }
    await em.flush();

    // The CSAPA sees its figures move, and is warned that the quota is exceeded.
    const own = (await directory('soignant.csapa44')).find((s) => s.id === ids.csapa44)!;
    expect(own.services.find((s) => s.id === shortStay.id)).toMatchObject({ occupancy: 4, available: 0, hasFreePlaces: false });
    expect(own.services.find((s) => s.id === care.id)!.activeFiles).toBeGreaterThan(40);
    expect(own.services.find((s) => s.id === care.id)!.hasFreePlaces).toBe(false);
    expect(own.conventions[0].referralsThisYear).toBeGreaterThan(40);
    expect((await referralSeen('soignant.csapa44')).warnings).toContain('CONVENTION_QUOTA_REACHED');

    // Nobody else can tell: the whole directory reads the same as before, and so does the sender's referral.
    for (const login of watchers) {
      expect({ login, directory: await directory(login) }).toEqual({ login, directory: before[login] });
    }
    expect(await referralSeen('cpip.angers')).toEqual(senderBefore);
  });

  it('costs the same number of SQL statements with every figure, whatever the number of structures, services and conventions', async () => {
    const measure = async (login: string) => {
      const token = await app.tokenFor(login);
      return app.sql.count(() => app.request(DirectoryFiguresDocument, {}, token));
    };
    /** Structures with services that have places and a capped file, and conventions with and without a service. */
    const addStructures = async (n: number) => {
      const em = app.em();
      const spip = await em.findOneOrFail(Structure, ids.spip38);
      for (const structure of new StructureFactory(em).make(n)) {
        const services = new ServiceFactory(em).make(3, { structure, housingPlaces: 12, activeFileCapacity: 20 });
        const convention = new Convention(structure, spip, 50, `${TODAY.slice(0, 4)}-01-01`);
        convention.service = services[0];
        em.persist(convention);
        // A convention without a service counts the structure's whole active file.
        em.persist(new Convention(structure, spip, 50, `${TODAY.slice(0, 4)}-01-01`));
      }
      await em.flush();
    };
    await addStructures(1);
    const before = { partner: await measure('cpip.grenoble'), evaluator: await measure('eval.ofdt') };
    await addStructures(15);

    const after = { partner: await measure('cpip.grenoble'), evaluator: await measure('eval.ofdt') };
    // A statement without its parameters and timing: what it asks, not for which rows.
    const shapes = (sql: string[]) => sql.map((q) => q.replace(/\(\$\d+(, \$\d+)*\)/g, '(…)').replace(/ \[took .*$/s, ''));
    const tally = (sql: string[]) => [...new Set(shapes(sql))].sort();
    for (const key of ['partner', 'evaluator'] as const) {
      expect(after[key].result.errors).toBeUndefined();
      expect(after[key].result.data!.structures.length).toBe(before[key].result.data!.structures.length + 15);
      // The same statements whatever the size: authentication, structures, services, conventions, the
      // conventions' services, then one batch per kind of count (places taken, active files by service and
      // by structure, referrals this year).
      expect(tally(after[key].sql)).toEqual(tally(before[key].sql));
      expect(tally(after[key].sql)).toHaveLength(9);
      // A count asked for from both the services and the conventions of the page may go in two batches,
      // as the two lists come back from the database one after the other; never one per row.
      for (const shape of tally(after[key].sql)) {
        expect(shapes(after[key].sql).filter((s) => s === shape).length).toBeLessThanOrEqual(2);
      }
    }
  });
});
