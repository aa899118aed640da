import { sqlWithoutValues } from '../../src/observability/sql-text';

describe('sqlWithoutValues: the statements spans carry', () => {
  it.each([
    [`select "p0".* from "person" as "p0" where "p0"."last_name" ilike 'Dupont%' and "p0"."id" = '8d1c0b7e-3a7e-4c2b-9d0e-1a2b3c4d5e6f' limit 20`,
      `select "p0".* from "person" as "p0" where "p0"."last_name" ilike ? and "p0"."id" = ? limit ?`],
    [`insert into "note" ("body", "n") values ('l''avocat de M. Durand', 12.5e3), (E'a\\\\b\\'c', -3)`, `insert into "note" ("body", "n") values (?, ?), (E?, -?)`],
    [`select $1::uuid, t0.c1 from t0 -- Durand\n where x = $tag$Jean Dupont$tag$ /* Jean /* nested */ */`, `select $1::uuid, t0.c1 from t0  \n where x = ?  `],
    [`select "O""Brien" from t`, `select "O""Brien" from t`],
    [`update "person_health" set "in_care" = true, "note" = null where "ended_at" is null and "x" is not null and f = FALSE`,
      `update "person_health" set "in_care" = ?, "note" = ? where "ended_at" is null and "x" is not null and f = ?`],
  ])('%s', (sql, expected) => {
    expect(sqlWithoutValues(sql)).toBe(expected);
  });

  it.each([`select 'unterminated`, `select "x`, `select 1 /* open`, `select $a$ open`, `select $é$Jean Dupont$é$`])('refuses what it cannot read with certainty: %s', (sql) => {
    expect(sqlWithoutValues(sql)).toBeNull();
  });
});
