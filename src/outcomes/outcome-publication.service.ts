import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ALL, type CubeCell, protectCubeWithStats } from './disclosure';
import { OUTCOME_CUBE_SQL, REFRESH_STALE_FACTS_SQL, type OutcomeCubeRow } from './outcome.sql';
import { OutcomePublication } from './outcome-publication.entity';

/** Advisory lock key of the facts refresh and of publishing ("OUTC"). */
const OUTCOME_LOCK = 0x4f555443;
/** Publication day of a year's outcomes in the following year, by default (MM-DD). */
export const DEFAULT_PUBLICATION_DAY = '03-01';

/** The cube's dimensions in column order; bit 3 is the first. */
const DIMENSION_COLUMNS = ['departement', 'measure', 'kinds', 'action'] as const;

/** The dimensions (by index, departement first) of a table, as stored bits (departement = 8 … action = 1). */
export function groupingOf(dimensions: readonly number[]): number {
  return dimensions.reduce((bits, d) => bits | (1 << (DIMENSION_COLUMNS.length - 1 - d)), 0);
}

function cubeCell(row: OutcomeCubeRow): CubeCell {
  const values = [row.departement, row.measure, row.kinds, row.action];
  // GROUPING(departement, measure, kinds, action): a set bit is a margin ("all values"), departement first.
  const coords = values.map((value, index) => ((row.margins >> (3 - index)) & 1 ? ALL : String(value)));
  return {
    coords,
    counts: {
      persons: row.persons,
      housedAtRelease: row.housed_at_release,
      rightsOpened: row.rights_opened,
      inCare: row.in_care,
      employed: row.employed,
    },
  };
}

/** The day a year's outcomes are published: `day` (MM-DD) of the following year. */
export function publicationDate(year: number, day: string): string {
  return `${year + 1}-${day}`;
}

/** The last year whose publication day has come on `asOf` (YYYY-MM-DD). */
export function lastPublishableYear(asOf: string, day: string): number {
  const year = Number(asOf.slice(0, 4));
  return asOf >= publicationDate(year - 1, day) ? year - 1 : year - 2;
}

export interface PublishedYear {
  year: number;
  cells: number;
  suppressedCells: number;
  milliseconds: number;
}

/**
 * Publication of outcomes: once a year has closed and its publication day has come, its
 * cohort is computed from the facts of that moment, protected (disclosure.ts) and stored
 * as released cells. A published year never changes (the database rejects updates): an
 * evaluator reading it twice gets the same answer, so no change between two readings can
 * point at a person. Corrections recorded afterwards do not make a new edition, since
 * comparing two editions would point at exactly the corrected persons.
 */
export class OutcomePublicationService {
  /** Publishes every year due on `asOf` that is not published yet, oldest first; returns them. */
  async publishDue(em: EntityManager, asOf: string, day: string, log?: Logger): Promise<PublishedYear[]> {
    const last = lastPublishableYear(asOf, day);
    const published: PublishedYear[] = [];
    for (;;) {
      const year = await this.nextUnpublished(em, last);
      if (year === null) return published;
      const result = await this.publish(em, year);
      if (result) {
        published.push(result);
        log?.info({ ...result }, 'outcomes published');
      }
    }
  }

  /** The oldest year up to `last` with released persons and no publication. */
  private async nextUnpublished(em: EntityManager, last: number): Promise<number | null> {
    const connection = em.getConnection();
    await connection.execute(REFRESH_STALE_FACTS_SQL, [], 'run');
    const [row] = await connection.execute<{ year: number | null }[]>(
      `select min(y)::int as year from (
         select distinct extract(year from release_date)::int as y from outcome_fact where release_date is not null
       ) years
       where y <= ? and not exists (select 1 from outcome_publication p where p.year = years.y)`,
      [last],
    );
    return row?.year ?? null;
  }

  /** Computes, protects and stores one year, under the outcomes lock; null when another node did it. */
  private publish(em: EntityManager, year: number): Promise<PublishedYear | null> {
    return em.transactional(async (tx) => {
      const started = Date.now();
      const connection = tx.getConnection();
      const transaction = tx.getTransactionContext();
      await connection.execute(`select pg_advisory_xact_lock(${OUTCOME_LOCK})`, [], 'all', transaction);
      if (await tx.findOne(OutcomePublication, { year })) return null;
      await connection.execute(REFRESH_STALE_FACTS_SQL, [], 'run', transaction);
      const rows = await connection.execute<OutcomeCubeRow[]>(OUTCOME_CUBE_SQL, [`${year}-01-01`, `${year}-12-31`], 'all', transaction);
      const { cube } = protectCubeWithStats(rows.filter((row) => row.year === year).map(cubeCell));
      const cells = [...cube.values()].map((cell) => {
        const released = (measure: keyof CubeCell['counts']) => (cell.suppressed.has(measure) ? null : cell.counts[measure]);
        return {
          year,
          departement: cell.coords[0],
          measure: cell.coords[1],
          kinds: cell.coords[2],
          action: cell.coords[3],
          grouping: groupingOf(cell.coords.flatMap((value, d) => (value === ALL ? [] : [d]))),
          persons: released('persons'),
          housed_at_release: released('housedAtRelease'),
          rights_opened: released('rightsOpened'),
          in_care: released('inCare'),
          employed: released('employed'),
        };
      });
      const suppressedCells = [...cube.values()].filter((cell) => cell.suppressed.size > 0).length;
      await connection.execute(
        `insert into outcome_published_cell (year, departement, measure, kinds, action, grouping,
                                             persons, housed_at_release, rights_opened, in_care, employed)
         select year, departement, measure, kinds, action, grouping, persons, housed_at_release, rights_opened, in_care, employed
         from jsonb_to_recordset(?::jsonb) as c(year int, departement text, measure text, kinds text, action text, grouping smallint,
                                                persons int, housed_at_release int, rights_opened int, in_care int, employed int)`,
        [JSON.stringify(cells)],
        'run',
        transaction,
      );
      const publication = tx.create(OutcomePublication, { year, publishedAt: new Date(), cells: cells.length, suppressedCells });
      tx.persist(publication);
      await tx.flush();
      return { year, cells: cells.length, suppressedCells, milliseconds: Date.now() - started };
    });
  }
}

export const outcomePublicationService = new OutcomePublicationService();
