import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

/**
 * No hand-written file under src/ is over 400 lines: past that a file holds more than one
 * responsibility, and is split along them. Generated code is exempt, file by file, and only
 * what codegen.yml writes.
 */
const MAX_LINES = 400;
const ROOT = join(__dirname, '..', '..');

/** Written by `npm run codegen` (codegen.yml), never by hand. */
const GENERATED = ['src/exchange/generated/subject-access.ts'];

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Lines as `wc -l` counts them, and a last line without its newline. */
function lineCount(path: string): number {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const breaks = text.split('\n').length - 1;
  return text.length > 0 && !text.endsWith('\n') ? breaks + 1 : breaks;
}

describe('the files of src/', () => {
  const files = filesUnder('src');

  it(`are ${MAX_LINES} lines at most, generated code aside`, () => {
    const tooLong = files
      .filter((path) => !GENERATED.includes(path))
      .map((path) => ({ path, lines: lineCount(path) }))
      .filter((file) => file.lines > MAX_LINES)
      .map((file) => `${file.path}: ${file.lines} lines`);
    expect(tooLong).toEqual([]);
  });

  it('exempt only files that codegen.yml generates and that exist', () => {
    const codegen = readFileSync(join(ROOT, 'codegen.yml'), 'utf8');
    const outputs = codegen.split('\n').flatMap((line) => /^  (\S+):$/.exec(line)?.[1] ?? []);
    for (const path of GENERATED) {
      expect(files).toContain(path);
      expect(outputs).toContain(path);
    }
  });
});
