/** The rows an asynchronous test keeps, in order; the tests run together (so loaders batch them). */
export async function keepWhere<T>(rows: readonly T[], test: (row: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(rows.map(test));
  return rows.filter((_, index) => kept[index]);
}
