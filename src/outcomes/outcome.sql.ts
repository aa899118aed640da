/**
 * The outcomes of the shared record, defined once, in SQL. Every figure an evaluator
 * reads is computed here from person-level data; none is typed in.
 *
 * Cohort of a year: the persons whose release date (the actual release date, or else the
 * expected one) falls in that calendar year and is not after today.
 *
 * Dimensions of a person (exactly one value per dimension, so that every margin is the
 * sum of its categories):
 * - DEPARTEMENT: the département of the SPIP holding the person's file ("UNKNOWN" if none).
 * - MEASURE: the judicial measure (NONE for a release at the end of the sentence).
 * - STRUCTURE_KIND: the kinds of the partner structures (ASSOCIATION, CSAPA, SIAO) whose
 *   follow-up of the person started no later than 90 days after release, joined with "+"
 *   in alphabetical order (e.g. "ASSOCIATION+CSAPA"), or "NONE".
 * - ACTION: the action of the person's latest participation that started no later than one
 *   year after release (its id), or "NONE".
 *
 * Outcomes (counts of persons of the cohort):
 * - persons: every person of the cohort.
 * - housedAtRelease: a placement open on the release date, or a housing status (as last
 *   recorded) other than NONE and UNKNOWN.
 * - rightsOpened: at least one right step OBTAINED (ID card, RSA, health insurance,
 *   domiciliation, shelter, social housing, employment registration, bank account).
 * - inCare: the health summary (as last recorded) says the person is in care.
 * - employed: the employment status (as last recorded) is EMPLOYED or ASSISTED_CONTRACT.
 *
 * Tables: the total, and every table by one or two dimensions, per year (the grouping
 * sets below); finer tables are not served.
 */

/**
 * Recomputes the facts of the persons marked stale (and unmarks them), in one statement.
 * A person without release date keeps a row with a null release date, outside every cohort.
 */
export const REFRESH_STALE_FACTS_SQL = `
with targets as (
  delete from outcome_fact_stale returning person_id
),
persons as (
  select p.id, coalesce(j.released_on, j.expected_release_date) as release,
         coalesce(spip.departement, 'UNKNOWN') as departement, coalesce(j.measure, 'NONE') as measure
  from targets t
  join person p on p.id = t.person_id
  left join person_judicial j on j.person_id = p.id
  left join structure spip on spip.id = p.spip_id
),
kinds as (
  select c.id, string_agg(distinct s.kind, '+' order by s.kind) as kinds
  from persons c
  join follow_up f on f.person_id = c.id and f.start_date <= c.release + 90
  join structure s on s.id = f.structure_id and s.kind in ('ASSOCIATION', 'CSAPA', 'SIAO')
  group by c.id
),
actions as (
  select distinct on (c.id) c.id, ap.action_id::text as action
  from persons c
  join action_participation ap on ap.person_id = c.id and ap.enrolled_on <= c.release + 365
  order by c.id, ap.enrolled_on desc, ap.id
)
insert into outcome_fact (person_id, release_date, departement, measure, kinds, action,
                          housed_at_release, rights_opened, in_care, employed, computed_at)
select c.id, c.release, c.departement, c.measure,
       coalesce(k.kinds, 'NONE'),
       coalesce(a.action, 'NONE'),
       exists (select 1 from placement pl
               where pl.person_id = c.id and pl.start_date <= c.release
                 and (pl.end_date is null or pl.end_date >= c.release))
         or coalesce(h.status not in ('NONE', 'UNKNOWN'), false),
       exists (select 1 from right_step rs where rs.person_id = c.id and rs.status = 'OBTAINED'),
       coalesce(hs.in_care, false),
       coalesce(so.employment_status in ('EMPLOYED', 'ASSISTED_CONTRACT'), false),
       now()
from persons c
left join kinds k on k.id = c.id
left join actions a on a.id = c.id
left join person_housing h on h.person_id = c.id
left join person_health_summary hs on hs.person_id = c.id
left join person_social so on so.person_id = c.id
on conflict (person_id) do update set
  release_date = excluded.release_date, departement = excluded.departement, measure = excluded.measure,
  kinds = excluded.kinds, action = excluded.action, housed_at_release = excluded.housed_at_release,
  rights_opened = excluded.rights_opened, in_care = excluded.in_care, employed = excluded.employed,
  computed_at = excluded.computed_at
`;

/** The cube of each year of the period: counts per table cell, from the facts. */
export const OUTCOME_CUBE_SQL = `
select year, departement, measure, kinds, action,
       grouping(departement, measure, kinds, action) as margins,
       count(*)::int as persons,
       (count(*) filter (where housed_at_release))::int as housed_at_release,
       (count(*) filter (where rights_opened))::int as rights_opened,
       (count(*) filter (where in_care))::int as in_care,
       (count(*) filter (where employed))::int as employed
from (
  select extract(year from release_date)::int as year, *
  from outcome_fact
  where release_date >= ?::date and release_date <= least(?::date, current_date)
) facts
group by year, grouping sets (
  (),
  (departement), (measure), (kinds), (action),
  (departement, measure), (departement, kinds), (departement, action),
  (measure, kinds), (measure, action), (kinds, action)
)
`;

export interface OutcomeCubeRow {
  year: number;
  departement: string | null;
  measure: string | null;
  kinds: string | null;
  action: string | null;
  /** GROUPING() bits, departement first: a set bit means "all values" (a margin). */
  margins: number;
  persons: number;
  housed_at_release: number;
  rights_opened: number;
  in_care: number;
  employed: number;
}
