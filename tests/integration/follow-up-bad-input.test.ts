import { AuditEntry } from '../../src/audit/audit-entry.entity';
import { Appointment } from '../../src/support/appointment.entity';
import { Placement } from '../../src/housing/placement.entity';
import { OutboxEvent } from '../../src/outbox/outbox-event.entity';
import { Person } from '../../src/persons/person.entity';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { RightStep } from '../../src/persons/right-step.entity';
import { Service } from '../../src/structures/service.entity';
import {
  EndPlacementDocument,
  PlacePersonDocument,
  ScheduleAppointmentDocument,
  UpdateRightStepDocument,
  WriteCaseNoteDocument,
} from '../generated/graphql';
import { TestApp, errorCodes, type GraphQLResult } from '../support/test-app';

/** Each bad input of the follow-up work is a clear error, and nothing is written. */
describe('follow-up work: bad input writes nothing', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function unchanged(send: () => Promise<GraphQLResult<unknown>>): Promise<string[]> {
    const em = app.em();
    const count = async () =>
      Promise.all([em.count(Placement), em.count(Appointment), em.count(AuditEntry, { kind: 'WRITE' as never }), em.count(OutboxEvent), em.count(RightStep)]);
    const before = await count();
    const result = await send();
    expect(await count()).toEqual(before);
    return errorCodes(result) as string[];
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const em = app.em();
    const person = async (key: string) => (await em.findOneOrFail(Person, { pseudonym: pseudonymFromKey(key) })).id;
    ids.followed = await person('story:relais-and-csapa');
    ids.stranger = await person('story:no-referral');
    ids.unplaced = await person('story:siao-shelter');
    ids.withSiao = await person('story:consent-to-all');
    ids.sma = (await em.findOneOrFail(Service, { name: "Sortants de maison d'arrêt" })).id;
    ids.hsp = (await em.findOneOrFail(Service, { name: 'Hébergement des sortants de prison' })).id;
    ids.siaoPlaces = (await em.findOneOrFail(Service, { name: "Places d'hébergement d'insertion (contingent sortants)" })).id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('a placement in a service without housing places is BAD_USER_INPUT', async () => {
    expect(await unchanged(() => app.as('ts.relais38').query(PlacePersonDocument, { personId: ids.followed, serviceId: ids.sma }))).toEqual(['BAD_USER_INPUT']);
  });

  it("a placement in another structure's service is FORBIDDEN", async () => {
    expect(await unchanged(() => app.as('ts.relais38').query(PlacePersonDocument, { personId: ids.followed, serviceId: ids.siaoPlaces }))).toEqual(['FORBIDDEN']);
  });

  it('a placement for a person outside the mandate is NOT_FOUND, as for an unknown person', async () => {
    expect(await unchanged(() => app.as('ts.relais38').query(PlacePersonDocument, { personId: ids.stranger, serviceId: ids.hsp }))).toEqual(['NOT_FOUND']);
    expect(
      await unchanged(() => app.as('ts.relais38').query(PlacePersonDocument, { personId: '7a1b2c3d-0000-4000-8000-000000000000', serviceId: ids.hsp })),
    ).toEqual(['NOT_FOUND']);
  });

  it('an appointment for a person outside the mandate is NOT_FOUND', async () => {
    const input = { personId: ids.stranger, kind: 'INTERVIEW' as const, domain: 'SOCIAL' as const, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect(await unchanged(() => app.as('ts.relais38').query(ScheduleAppointmentDocument, { input }))).toEqual(['NOT_FOUND']);
  });

  it('an appointment in a domain the structure does not write is FORBIDDEN; in an unknown domain, BAD_USER_INPUT', async () => {
    const base = { personId: ids.followed, kind: 'INTERVIEW' as const, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect(await unchanged(() => app.as('ts.relais38').query(ScheduleAppointmentDocument, { input: { ...base, domain: 'HEALTH' } }))).toEqual(['FORBIDDEN']);
    expect(await unchanged(() => app.as('ts.relais38').query(ScheduleAppointmentDocument, { input: { ...base, domain: 'IDENTITY' } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a date far out of range is BAD_USER_INPUT naming the argument', async () => {
    const input = { personId: ids.followed, kind: 'INTERVIEW' as const, domain: 'SOCIAL' as const, scheduledAt: '2001-01-01T10:00:00Z' };
    const result = await app.as('ts.relais38').query(ScheduleAppointmentDocument, { input });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ argumentName: 'scheduledAt' });
  });

  it('a status that does not exist is BAD_USER_INPUT', async () => {
    const result = await unchanged(() =>
      app.as('ts.relais38').query(UpdateRightStepDocument, { personId: ids.followed, kind: 'RSA', status: 'MAYBE' as never }),
    );
    expect(result).toEqual(['BAD_USER_INPUT']);
  });

  it('a placement ending before it starts is BAD_USER_INPUT, and the place stays taken', async () => {
    const placed = await app.as('ts.relais38').query(PlacePersonDocument, { personId: ids.unplaced, serviceId: ids.hsp });
    expect(placed.errors).toBeUndefined();
    const result = await unchanged(() =>
      app.as('ts.relais38').query(EndPlacementDocument, { id: placed.data!.placePerson.id, endDate: '2020-01-01' }),
    );
    expect(result).toEqual(['BAD_USER_INPUT']);
    const again = await unchanged(() => app.as('ts.relais38').query(PlacePersonDocument, { personId: ids.unplaced, serviceId: ids.hsp }));
    expect(again).toEqual(['CONFLICT']);
  });

  it('a note longer than 20,000 characters, or in a domain the author does not write, writes nothing', async () => {
    expect(
      await unchanged(() => app.as('ts.relais38').query(WriteCaseNoteDocument, { input: { personId: ids.followed, domain: 'SOCIAL', text: 'é'.repeat(20001) } })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      await unchanged(() => app.as('coord.siao38').query(WriteCaseNoteDocument, { input: { personId: ids.withSiao, domain: 'JUDICIAL', text: 'Non' } })),
    ).toEqual(['FORBIDDEN']);
  });
});
