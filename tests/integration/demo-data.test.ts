import type { MikroORM } from '@mikro-orm/postgresql';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { DEMO_ACCOUNTS } from '../../seeds/demo/directory';
import { STORY_PERSONS } from '../../seeds/demo/people';
import { openTestOrm } from '../support/test-app';

describe('the demo data set', () => {
  let orm: MikroORM;
  let close: () => Promise<void>;
  const rows = <T>(sql: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(sql, params);

  beforeAll(async () => {
    ({ orm, close } = await openTestOrm());
  });

  afterAll(() => close());

  it('holds exactly the accounts of the contract', async () => {
    const accounts = await rows<{ login: string; role: string; structure: string }>(
      `select a.login, a.role, s.name as structure from account a join structure s on s.id = a.structure_id order by a.login`,
    );
    expect(accounts).toHaveLength(9);
    expect(accounts.map((a) => a.login).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.login).sort());
  });

  it('holds the contract structures and the three prisons, and no other', async () => {
    const structures = await rows<{ name: string }>(`select name from structure order by name`);
    expect(structures.map((s) => s.name)).toEqual(
      [
        'CSAPA Grenoble Addictions',
        'CSAPA Nantes Addictions',
        'Centre pénitentiaire de Nantes',
        "Maison d'arrêt d'Angers",
        "Maison d'arrêt de Grenoble-Varces",
        'Observatoire des drogues',
        'Plateforme',
        'Relais Isère Sortants',
        "SIAO de l'Isère",
        'SPIP de Maine-et-Loire',
        "SPIP de l'Isère",
      ].sort((a, b) => (a < b ? -1 : 1)),
    );
  });

  it('gives the association its convention of 135 referrals a year from the SPIP de l’Isère', async () => {
    const conventions = await rows<{ receiver: string; partner: string; yearly_quota: number }>(
      `select r.name as receiver, p.name as partner, c.yearly_quota from convention c
       join structure r on r.id = c.structure_id join structure p on p.id = c.partner_id
       where r.name = 'Relais Isère Sortants'`,
    );
    expect(conventions).toEqual([{ receiver: 'Relais Isère Sortants', partner: "SPIP de l'Isère", yearly_quota: 135 }]);
  });

  it('holds about sixty fictional persons, each with identity, judicial situation and housing', async () => {
    const [counts] = await rows<{ persons: number; identities: number; judicial: number; housing: number }>(
      `select (select count(*)::int from person) as persons, (select count(*)::int from person_identity) as identities,
              (select count(*)::int from person_judicial) as judicial, (select count(*)::int from person_housing) as housing`,
    );
    expect(counts).toEqual({ persons: 60, identities: 60, judicial: 60, housing: 60 });
  });

  it('gives every story case its stable pseudonym', async () => {
    const pseudonyms = STORY_PERSONS.map((p) => pseudonymFromKey(p.key));
    const found = await rows<{ pseudonym: string }>(
      `select pseudonym from person where pseudonym in (${pseudonyms.map(() => '?').join(', ')})`,
      pseudonyms,
    );
    expect(found).toHaveLength(STORY_PERSONS.length);
  });

  it('has referrals in every status, to each receiving partner', async () => {
    const statuses = await rows<{ receiver: string; statuses: string[] }>(
      `select s.name as receiver, array_agg(distinct r.status order by r.status) as statuses
       from referral r join structure s on s.id = r.to_structure_id group by s.name order by s.name`,
    );
    const all = ['ACCEPTED', 'CANCELLED', 'COMPLETED', 'DECLINED', 'IN_PROGRESS', 'PENDING'];
    expect(statuses).toEqual([
      { receiver: 'CSAPA Grenoble Addictions', statuses: all },
      { receiver: 'CSAPA Nantes Addictions', statuses: all },
      { receiver: 'Relais Isère Sortants', statuses: all },
      { receiver: "SIAO de l'Isère", statuses: ['ACCEPTED', 'COMPLETED', 'DECLINED', 'IN_PROGRESS', 'PENDING'] },
    ]);
  });

  it('opens a follow-up for every accepted, in-progress or completed referral, closed only for completed ones', async () => {
    const mismatches = await rows<{ id: string }>(
      `select r.id from referral r left join follow_up f on f.referral_id = r.id
       where (r.status in ('ACCEPTED', 'IN_PROGRESS') and (f.id is null or f.end_date is not null))
          or (r.status = 'COMPLETED' and (f.id is null or f.end_date is null))
          or (r.status in ('PENDING', 'DECLINED', 'CANCELLED') and f.id is not null)`,
    );
    expect(mismatches).toEqual([]);
  });

  it('has active, revoked and expired consents, one of them to every structure holding a mandate', async () => {
    const [consents] = await rows<{ active: number; revoked: number; expired: number; to_all: number }>(
      `select count(*) filter (where revoked_at is null and (expires_at is null or expires_at > now()))::int as active,
              count(*) filter (where revoked_at is not null)::int as revoked,
              count(*) filter (where revoked_at is null and expires_at <= now())::int as expired,
              count(*) filter (where recipient_id is null)::int as to_all
       from consent`,
    );
    expect(consents.active).toBeGreaterThan(5);
    expect(consents.revoked).toBe(1);
    expect(consents.expired).toBe(1);
    expect(consents.to_all).toBe(1);
  });

  it('keeps health data only for persons a CSAPA follows', async () => {
    const orphans = await rows<{ person_id: string }>(
      `select h.person_id from person_health_record h
       where not exists (select 1 from follow_up f join structure s on s.id = f.structure_id
                         where f.person_id = h.person_id and s.kind = 'CSAPA')`,
    );
    expect(orphans).toEqual([]);
    const [{ count }] = await rows<{ count: number }>(`select count(*)::int as count from person_health_record`);
    expect(count).toBeGreaterThan(5);
  });

  it('has appointments of every kind and case notes of the social, housing, health and judicial domains', async () => {
    const kinds = await rows<{ kind: string }>(`select distinct kind from appointment order by kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['ACCOMPANIMENT', 'HOME_VISIT', 'INTERVIEW', 'PRISON_OFFICE_HOURS']);
    const domains = await rows<{ domain: string }>(`select distinct domain from case_note order by domain`);
    expect(domains.map((d) => d.domain)).toEqual(['HEALTH', 'HOUSING', 'JUDICIAL', 'SOCIAL']);
  });

  it('holds two actions with their evaluations', async () => {
    const actions = await rows<{ title: string; evaluations: number }>(
      `select a.title, count(e.id)::int as evaluations from action a left join evaluation e on e.action_id = a.id
       group by a.title order by a.title`,
    );
    expect(actions).toEqual([
      { title: 'Interventions dans le milieu de la justice', evaluations: 1 },
      { title: 'Préparer la sortie : ouverture des droits avant la libération', evaluations: 1 },
    ]);
  });
});
