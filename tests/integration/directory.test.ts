import { Service } from '../../src/structures/service.entity';
import { StructureKind } from '../../src/structures/structure-kind';
import { ServiceFactory, StructureFactory } from '../../seeds/factories/structure.factory';
import { DirectoryDocument, StructureByIdDocument } from '../generated/graphql';
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
