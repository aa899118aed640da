import {
  ALL,
  type CubeCell,
  type ProtectedCell,
  cellKey,
  isSmall,
  projectYears,
  protectCube,
  protectCubeWithStats,
} from '../../src/outcomes/disclosure';
import { SeededRandom } from '../../seeds/demo/random';
import { Attacker } from '../support/attacker';
import { type Person, cubeOf, population } from '../support/outcome-cubes';

/** Every equation an attacker gets from the released cells: base cells are the persons' full combinations. */
function attack(persons: Person[], cube: Map<string, ProtectedCell>, measure: 'persons' | 'housedAtRelease') {
  const base = [...new Set(persons.map((p) => cellKey(p.coords)))].sort();
  const counts = new Map(base.map((key) => [key, 0]));
  for (const person of persons) {
    const key = cellKey(person.coords);
    if (measure === 'persons' || person.housedAtRelease) counts.set(key, counts.get(key)! + 1);
  }
  const vector = (cell: ProtectedCell) =>
    base.map((key) => (key.split('\u0001').every((value, d) => cell.coords[d] === ALL || cell.coords[d] === value) ? 1 : 0));
  const attacker = new Attacker(base.length);
  for (const cell of cube.values()) if (!cell.suppressed.has(measure)) attacker.learn(vector(cell));
  return { attacker, vector };
}

describe('disclosure control', () => {
  it('suppresses a small category and one more in its line, so the total does not give it away', () => {
    const cube: CubeCell[] = [
      { coords: [ALL], counts: { persons: 75, housedAtRelease: 50, rightsOpened: 40, inCare: 20, employed: 30 } },
      { coords: ['38'], counts: { persons: 40, housedAtRelease: 30, rightsOpened: 20, inCare: 11, employed: 15 } },
      { coords: ['49'], counts: { persons: 5, housedAtRelease: 2, rightsOpened: 2, inCare: 0, employed: 0 } },
      { coords: ['73'], counts: { persons: 30, housedAtRelease: 18, rightsOpened: 18, inCare: 9, employed: 15 } },
    ];
    const protectedCube = protectCube(cube);
    const suppressedPersons = [...protectedCube.values()].filter((c) => c.suppressed.has('persons')).map((c) => c.coords[0]);
    expect(suppressedPersons.sort()).toEqual(['49', '73']);
    expect(protectedCube.get(cellKey([ALL]))!.suppressed.has('persons')).toBe(false);
  });

  it('suppresses a measure whose complement is small: 45 housed out of 50 tells that 5 are not', () => {
    const cube: CubeCell[] = [
      { coords: [ALL], counts: { persons: 100, housedAtRelease: 85, rightsOpened: 50, inCare: 50, employed: 50 } },
      { coords: ['a'], counts: { persons: 50, housedAtRelease: 45, rightsOpened: 25, inCare: 25, employed: 25 } },
      { coords: ['b'], counts: { persons: 50, housedAtRelease: 40, rightsOpened: 25, inCare: 25, employed: 25 } },
    ];
    const cell = protectCube(cube).get(cellKey(['a']))!;
    expect(cell.suppressed.has('housedAtRelease')).toBe(true);
    expect(cell.suppressed.has('persons')).toBe(false);
  });

  it.each([
    [2, [4, 6], 120],
    [3, [3, 7, 5], 300],
    [4, [3, 7, 6, 3], 600],
    [4, [12, 7, 8, 3], 2000],
  ])('protects random %i-dimension cubes: nothing from 1 to 10, no small count a differencing attacker can solve', (dimensions, categories, size) => {
    const random = new SeededRandom(1000 + size);
    const persons = population(random, size, categories as number[]);
    const cube = protectCube(cubeOf(persons, dimensions as number));
    for (const cell of cube.values()) {
      for (const measure of ['persons', 'housedAtRelease', 'rightsOpened', 'inCare', 'employed'] as const) {
        if (!cell.suppressed.has(measure)) expect(isSmall(cell.counts[measure])).toBe(false);
      }
    }
    for (const measure of ['persons', 'housedAtRelease'] as const) {
      const { attacker, vector } = attack(persons, cube, measure);
      for (const cell of cube.values()) {
        // Complements (0 or more than 10) may be recomputed; a small count never.
        if (isSmall(cell.counts[measure])) expect({ cell: cell.coords, determined: attacker.determines(vector(cell)) }).toEqual({ cell: cell.coords, determined: false });
      }
    }
  });

  it('withholds a year of seven persons whole, without failing', () => {
    const persons = population(new SeededRandom(7), 7, [3, 2]);
    const { cube, stats } = protectCubeWithStats(cubeOf(persons, 2));
    expect([...cube.values()].every((cell) => cell.suppressed.has('persons'))).toBe(true);
    expect(stats.fallbacks).toBe(0);
  });

  it('releases a cell over several years only when each year releases it', () => {
    const year = (persons: number, suppressed: boolean): Map<string, ProtectedCell> =>
      new Map([
        [
          cellKey(['38']),
          {
            coords: ['38'],
            counts: { persons, housedAtRelease: 0, rightsOpened: 0, inCare: 0, employed: 0 },
            suppressed: new Set(suppressed ? (['persons'] as const) : []),
          },
        ],
      ]);
    expect(projectYears([year(40, false), year(30, false)], [0], 1)[0].counts.persons).toEqual({ value: 70, suppressed: false });
    expect(projectYears([year(40, false), year(5, true)], [0], 1)[0].counts.persons).toEqual({ value: null, suppressed: true });
  });
});
