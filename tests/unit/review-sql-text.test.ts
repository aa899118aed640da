import { sqlWithoutValues } from '../../src/observability/sql-text';

/**
 * Review probe: PostgreSQL's dollar-quote tags may hold any letter (non-ASCII too); the scanner's
 * DOLLAR_TAG is ASCII-only, so such a literal is copied into the span verbatim instead of being
 * replaced (or the statement dropped).
 */
describe('review: sqlWithoutValues and non-ASCII dollar-quote tags', () => {
  it.each([`select $é$Jean Dupont$é$`, `select $tagé$Jean Dupont$tagé$`])('%s carries no value', (sql) => {
    const out = sqlWithoutValues(sql);
    expect(out === null || !out.includes('Dupont')).toBe(true);
  });
});
