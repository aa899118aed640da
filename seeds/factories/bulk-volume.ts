import { Client } from 'pg';
import { REFRESH_STALE_FACTS_SQL } from '../../src/outcomes/outcome.sql';

/** Départements of the SPIPs of the volume data set (fictional services, real INSEE codes). */
/** Programs of the volume partners (beside the demo's two). */
const VOLUME_ACTIONS = 30;
const DEPARTEMENTS = ['01', '07', '26', '38', '42', '44', '49', '53', '69', '72', '73', '74'];

export interface VolumeOptions {
  persons: number;
  /** Referrals per person on average (3 gives 300,000 referrals for 100,000 persons). */
  referralsPerPerson: number;
}

/**
 * A large, plausible record for benchmarks: persons released over the last ten years
 * across twelve SPIPs, each with identity, judicial, social, housing and health summary
 * rows, right steps, referrals to the demo partners (most completed, with their
 * follow-ups), placements and participations in thirty-two actions. Needs the demo data set (partners,
 * accounts, actions). Set-based SQL: a few statements whatever the volume.
 */
export async function seedVolume(databaseUrl: string, options: VolumeOptions): Promise<Record<string, number>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // One connection, one transaction: the temporary tables live until the commit.
  const run = (sql: string, params: unknown[] = []) => {
    let index = 0;
    return client.query(sql.replace(/\?/g, () => `$${++index}`), params);
  };
  const timings: Record<string, number> = {};
  try {
    const superuser = (await run(`select rolsuper from pg_roles where rolname = current_user`)).rows[0]?.rolsuper === true;
    await run('begin');
    // Rows are consistent by construction: skip the per-row foreign-key and staleness
    // triggers when the role may (a superuser, as the embedded PostgreSQL's is).
    if (superuser) await run(`set local session_replication_role = replica`);
    await run(`select setseed(0.4438)`);
    await run(
      `insert into structure (name, kind, departement)
       select 'SPIP (volume) ' || d, 'SPIP', d from unnest(?::text[]) as d
       on conflict (name) do nothing`,
      [`{${DEPARTEMENTS.join(',')}}`],
    );
    await run(`create temporary table volume_partner on commit drop as
       select s.id as structure_id, s.kind, (array_agg(sv.id order by sv.name))[1] as service_id,
              (array_agg(a.id order by a.login))[1] as account_id, row_number() over (order by s.name) as n
       from structure s
       left join service sv on sv.structure_id = s.id and sv.receives_referrals
       join account a on a.structure_id = s.id and a.role <> 'STRUCTURE_ADMIN'
       where s.kind in ('ASSOCIATION', 'CSAPA', 'SIAO')
       group by s.id, s.kind, s.name`);
    await run(`create temporary table volume_spip on commit drop as
       select s.id, row_number() over (order by s.name) - 1 as n from structure s where s.name like 'SPIP (volume) %'`);
    await run(`create temporary table volume_person on commit drop as
       select gen_random_uuid() as id, g,
              (select id from volume_spip where n = g % (select count(*) from volume_spip)) as spip_id,
              (current_date - (random() * 3650)::int) as released_on
       from generate_series(1, ?) as g`, [options.persons]);
    await run(`insert into person (id, pseudonym, spip_id, registered_by_id, file_status, created_at, updated_at, last_contact_at)
       select id, 'P-V' || lpad(g::text, 7, '0'), spip_id, spip_id, 'OPEN', now(), now(), released_on
       from volume_person`);
    await run(`insert into person_identity (person_id, first_name, last_name, written_by_id)
       select id, 'Volume', 'Person ' || g, spip_id from volume_person`);
    await run(`insert into person_judicial (person_id, expected_release_date, released_on, measure, care_obligation, written_by_id)
       select id, released_on, released_on,
              (array['NONE','NONE','NONE','CONDITIONAL_RELEASE','PROBATION','PROBATION','ELECTRONIC_MONITORING','SEMI_LIBERTY','EXTERNAL_PLACEMENT','JUDICIAL_SUPERVISION'])[1 + floor(random() * 10)::int],
              random() < 0.3, spip_id
       from volume_person`);
    await run(`insert into person_social (person_id, employment_status, written_by_id)
       select id, (array['UNKNOWN','NONE','JOB_SEEKING','TRAINING','ASSISTED_CONTRACT','EMPLOYED'])[1 + floor(random() * 6)::int], spip_id
       from volume_person`);
    await run(`insert into person_housing (person_id, status, written_by_id)
       select id, (array['UNKNOWN','NONE','EMERGENCY_SHELTER','CHRS','TRANSITIONAL','FAMILY','PRIVATE_RENTAL','SOCIAL_HOUSING'])[1 + floor(random() * 8)::int], spip_id
       from volume_person`);
    await run(`insert into person_health_summary (person_id, in_care, since)
       select id, random() < 0.6, released_on - 30 from volume_person where random() < 0.35`);
    await run(`insert into right_step (person_id, kind, status)
       select p.id, k.kind, (array['TO_DO','SUBMITTED','OBTAINED','OBTAINED','REFUSED'])[1 + floor(random() * 5)::int]
       from volume_person p
       cross join lateral (select kind from unnest(array['ID_CARD','RSA','HEALTH_INSURANCE','DOMICILIATION']) as kind
                           where random() < 0.5) k`);
    await run(`create temporary table volume_referral on commit drop as
       select gen_random_uuid() as id, p.id as person_id, p.spip_id, p.released_on, v.structure_id, v.service_id, v.account_id, v.kind,
              (array['COMPLETED','COMPLETED','COMPLETED','IN_PROGRESS','DECLINED','CANCELLED'])[1 + floor(random() * 6)::int] as status,
              p.released_on - (30 + random() * 120)::int as created_on
       from volume_person p
       cross join lateral generate_series(1, 1 + (p.g % (2 * ? - 1))) as r
       join volume_partner v on v.n = 1 + ((p.g + r) % (select count(*) from volume_partner))`, [options.referralsPerPerson]);
    await run(`insert into referral (id, person_id, from_structure_id, to_structure_id, service_id, needs, status, created_by_id,
                                     decided_at, decided_by_id, decline_reason, closed_at, created_at, updated_at)
       select r.id, r.person_id, r.spip_id, r.structure_id, r.service_id,
              case r.kind when 'CSAPA' then '{ADDICTION_CARE}'::text[] when 'SIAO' then '{HOUSING}'::text[] else '{SOCIAL_SUPPORT}'::text[] end,
              r.status, (select id from account where login = 'cpip.grenoble'),
              case when r.status = 'CANCELLED' then null else r.created_on + 5 end,
              case when r.status = 'CANCELLED' then null else r.account_id end,
              case when r.status = 'DECLINED' then 'Volume' end,
              case when r.status in ('COMPLETED', 'CANCELLED') then r.released_on + 120 end,
              r.created_on, r.created_on
       from volume_referral r`);
    await run(`insert into follow_up (person_id, structure_id, service_id, referral_id, worker_id, start_date, end_date, closing_reason)
       select person_id, structure_id, service_id, id, account_id, created_on + 5,
              case when status = 'COMPLETED' then least(released_on + 120, current_date) end,
              case when status = 'COMPLETED' then 'Volume' end
       from volume_referral where status in ('COMPLETED', 'IN_PROGRESS')`);
    await run(`insert into placement (person_id, service_id, structure_id, placed_by_id, start_date, end_date)
       select distinct on (r.person_id) r.person_id, sv.id, r.structure_id, r.account_id, r.released_on,
              least(r.released_on + 200, current_date)
       from volume_referral r join service sv on sv.structure_id = r.structure_id and sv.housing_places is not null
       where r.status = 'COMPLETED' and random() < 0.5
       order by r.person_id`);
    // Thirty programs of the volume partners beside the demo's two, a few large and a long
    // tail, as a region's actions are; a fifth of the persons takes part in one.
    await run(
      `insert into action (title, carrier_id, theme, departements, start_year)
       select 'Action (volume) ' || lpad(n::text, 2, '0'), (select structure_id from volume_partner where n = 1 + (g.n % (select count(*) from volume_partner))),
              'Volume', array[(?::text[])[1 + (g.n % ?)]], extract(year from current_date)::int - 10
       from generate_series(1, ?) as g(n)
       where not exists (select 1 from action where title like 'Action (volume) %')`,
      [`{${DEPARTEMENTS.join(',')}}`, DEPARTEMENTS.length, VOLUME_ACTIONS],
    );
    await run(`create temporary table volume_action on commit drop as
       select id, carrier_id, row_number() over (order by title) as n from action`);
    await run(`insert into action_participation (action_id, person_id, structure_id, enrolled_by_id, enrolled_on, sessions_attended, group_sessions)
       select a.id, p.id, a.carrier_id, (select id from account where login = 'soignant.csapa44'), p.released_on - 60,
              (random() * 6)::int, (random() * 4)::int
       from (select id, released_on, 1 + floor(power(random(), 2) * (select count(*) from volume_action))::int as k
             from volume_person where random() < 0.2) p
       join volume_action a on a.n = p.k`);
    await run(`insert into outcome_fact_stale (person_id) select id from volume_person on conflict do nothing`);
    await run('commit');
    await run('analyze');
    const refreshed = Date.now();
    await run(REFRESH_STALE_FACTS_SQL);
    timings.outcomeFacts = Date.now() - refreshed;
    const counts = await run(
      `select (select count(*)::int from person) as persons, (select count(*)::int from referral) as referrals,
              (select count(*)::int from follow_up) as "followUps", (select count(*)::int from placement) as placements,
              (select count(*)::int from right_step) as "rightSteps", (select count(*)::int from action_participation) as participations`,
    );
    return { ...(counts.rows[0] as Record<string, number>), outcomeFactsMs: timings.outcomeFacts };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
