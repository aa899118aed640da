import type { MikroORM } from '@mikro-orm/postgresql';
import { pseudonymFromKey } from '../../src/persons/pseudonym';
import { mandateSubquery } from '../../src/policy/mandate.repository';
import { COHORT_YEARS, pastCohortPlans } from '../../seeds/demo/cohorts';
import { DEMO_ACCOUNTS } from '../../seeds/demo/directory';
import { STORY_PERSONS, demoCasePlans } from '../../seeds/demo/people';
import { DemoClock } from '../../seeds/demo/random';
import { openTestOrm } from '../support/test-app';

describe('the demo data set', () => {
  let orm: MikroORM;
  let close: () => Promise<void>;
  const rows = <T>(sql: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(sql, params);
  const cohorts = pastCohortPlans(new DemoClock());
  /** `p.pseudonym = any(?::text[])`: the persons of the past cohorts. */
  const cohortPseudonyms = `{${cohorts.map((plan) => pseudonymFromKey(plan.key)).join(',')}}`;
  const loadYear = new Date().getUTCFullYear();

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

  it('holds the sixty persons of the demo cases and the past cohorts, each with identity, judicial situation and housing', async () => {
    const [counts] = await rows<{ persons: number; identities: number; judicial: number; housing: number }>(
      `select (select count(*)::int from person) as persons, (select count(*)::int from person_identity) as identities,
              (select count(*)::int from person_judicial) as judicial, (select count(*)::int from person_housing) as housing`,
    );
    const all = 60 + cohorts.length;
    expect(counts).toEqual({ persons: all, identities: all, judicial: all, housing: all });
    const demoCases = demoCasePlans().map((p) => pseudonymFromKey(p.key));
    const [found] = await rows<{ count: number }>(`select count(*)::int as count from person where pseudonym = any(?::text[])`, [
      `{${demoCases.join(',')}}`,
    ]);
    expect(found.count).toBe(60);
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
      `select h.person_id from (select person_id from person_health_record union select person_id from person_health_summary) h
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
  it('holds the persons released in each of the three last full years by each demo SPIP, 250 to 400 a year and département', async () => {
    const cells = await rows<{ year: number; departement: string; persons: number }>(
      `select extract(year from j.released_on)::int as year, s.departement, count(*)::int as persons
       from person p join person_judicial j on j.person_id = p.id join structure s on s.id = p.spip_id
       where p.pseudonym = any(?::text[])
       group by 1, 2 order by 1, 2`,
      [cohortPseudonyms],
    );
    const years = Array.from({ length: COHORT_YEARS }, (_, i) => loadYear - COHORT_YEARS + i);
    expect(cells.map((c) => [c.year, c.departement])).toEqual(years.flatMap((year) => [[year, '38'], [year, '49']]));
    for (const cell of cells) {
      expect(cell.persons).toBeGreaterThanOrEqual(250);
      expect(cell.persons).toBeLessThanOrEqual(400);
      const planned = cohorts.filter((p) => p.year === cell.year && p.spip === (cell.departement === '38' ? 'spip38' : 'spip49'));
      expect(cell.persons).toBe(planned.length);
    }
  });

  it('closes the past cohorts: files closed, referrals completed and follow-ups, placements and participations ended before today', async () => {
    const [open] = await rows<Record<string, number>>(
      `with cohort as (select id from person where pseudonym = any(?::text[]))
       select (select count(*)::int from person where id in (select id from cohort) and (file_status <> 'CLOSED' or file_closed_at > now())) as files,
              (select count(*)::int from referral where person_id in (select id from cohort)
                 and (status <> 'COMPLETED' or closed_at > now() or created_at >= date_trunc('year', now()))) as referrals,
              (select count(*)::int from follow_up where person_id in (select id from cohort) and (end_date is null or end_date >= current_date)) as "followUps",
              (select count(*)::int from placement where person_id in (select id from cohort) and (end_date is null or end_date >= current_date)) as placements,
              (select count(*)::int from action_participation where person_id in (select id from cohort) and (ended_on is null or ended_on >= current_date)) as participations`,
      [cohortPseudonyms],
    );
    expect(open).toEqual({ files: 0, referrals: 0, followUps: 0, placements: 0, participations: 0 });
    const [made] = await rows<Record<string, number>>(
      `with cohort as (select id from person where pseudonym = any(?::text[]))
       select (select count(*)::int from follow_up where person_id in (select id from cohort)) as "followUps",
              (select count(*)::int from placement where person_id in (select id from cohort)) as placements,
              (select count(*)::int from right_step where person_id in (select id from cohort)) as "rightSteps",
              (select count(*)::int from action_participation where person_id in (select id from cohort)) as participations`,
      [cohortPseudonyms],
    );
    expect(made.followUps).toBeGreaterThan(1000);
    expect(made.placements).toBeGreaterThan(30);
    expect(made.rightSteps).toBeGreaterThan(1000);
    expect(made.participations).toBeGreaterThan(100);
  });

  it('gives no structure an open mandate on the past cohorts, and none at all on the oldest one (beyond the retention period)', async () => {
    const structures = await rows<{ id: string; name: string }>(`select id, name from structure where kind in ('SPIP', 'ASSOCIATION', 'CSAPA', 'SIAO')`);
    for (const structure of structures) {
      const mandates = mandateSubquery(structure.id);
      const states = await rows<{ year: number; state: string }>(
        `select distinct extract(year from j.released_on)::int as year, m.state
         from (${mandates.sql}) m join person p on p.id = m.person_id join person_judicial j on j.person_id = p.id
         where p.pseudonym = any(?::text[]) order by 1, 2`,
        [...mandates.params, cohortPseudonyms],
      );
      expect({ structure: structure.name, open: states.filter((s) => s.state !== 'ENDED') }).toEqual({ structure: structure.name, open: [] });
      expect(states.every((s) => s.year > loadYear - COHORT_YEARS)).toBe(true);
    }
  });

  it('computes the outcome facts at load, with each outcome of each cohort year and département well above the disclosure threshold', async () => {
    const [facts] = await rows<{ stale: number; persons: number; facts: number }>(
      `select (select count(*)::int from outcome_fact_stale) as stale, (select count(*)::int from person) as persons,
              (select count(*)::int from outcome_fact) as facts`,
    );
    expect(facts).toEqual({ stale: 0, persons: facts.persons, facts: facts.persons });
    const cells = await rows<{ year: number; departement: string; persons: number; housed: number; rights: number; care: number; employed: number }>(
      `select extract(year from release_date)::int as year, departement, count(*)::int as persons,
              (count(*) filter (where housed_at_release))::int as housed, (count(*) filter (where rights_opened))::int as rights,
              (count(*) filter (where in_care))::int as care, (count(*) filter (where employed))::int as employed
       from outcome_fact where release_date >= ?::date and release_date < ?::date group by 1, 2 order by 1, 2`,
      [`${loadYear - COHORT_YEARS}-01-01`, `${loadYear}-01-01`],
    );
    expect(cells).toHaveLength(2 * COHORT_YEARS);
    // Rates between 20 % and 80 % of 250 persons or more: each outcome and its complement count
    // 50 persons or more, far from the counts of 1 to 10 that are never released.
    const outOfRange = cells.flatMap(({ year, departement, persons, ...outcomes }) =>
      Object.entries(outcomes)
        .map(([outcome, count]) => ({ year, departement, outcome, rate: Math.round((100 * count) / persons) }))
        .filter(({ rate }) => rate < 20 || rate > 80),
    );
    expect(outOfRange).toEqual([]);
  });
});
