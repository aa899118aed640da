import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Landed migrations never change, so none may import code that does: a migration holds the SQL
 * it runs as literal text (the policy's generated SQL is snapshotted by npm run policy:snapshot).
 */
describe('migrations', () => {
  const folder = path.join(__dirname, '..', '..', 'migrations');

  it('import nothing but the migration base class', () => {
    const imports = readdirSync(folder)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(path.join(folder, file), 'utf8').matchAll(/^import[^;]*?from '([^']+)'/gm)].map((m) => `${file}: ${m[1]}`))
      .filter((line) => !line.endsWith(': @mikro-orm/migrations'));
    expect(imports).toEqual([]);
  });
});
