const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/;

/**
 * A SQL statement without its values: every string, number and dollar-quoted literal becomes `?`,
 * comments are dropped, identifiers and `$1` placeholders stay. MikroORM 6 sends its statements
 * with the values written in (its own formatting, not bind parameters), so a statement as sent
 * would carry names and birth dates. Null when the text cannot be read with certainty (an
 * unterminated literal or comment): then no statement is recorded at all.
 */
export function sqlWithoutValues(sql: string): string | null {
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i];
    const previous = i > 0 ? sql[i - 1] : ' ';
    if (c === "'") {
      // E'…' (or e'…'): backslash escapes; otherwise standard strings, '' for a quote.
      const backslashes = (previous === 'E' || previous === 'e') && (i < 2 || !IDENTIFIER_CHAR.test(sql[i - 2]));
      let j = i + 1;
      for (;;) {
        if (j >= n) return null;
        if (backslashes && sql[j] === '\\') {
          j += 2;
          continue;
        }
        if (sql[j] === "'") {
          if (sql[j + 1] === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += '?';
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= n) return null;
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end;
      out += ' ';
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      // PostgreSQL's block comments nest.
      let depth = 1;
      let j = i + 2;
      while (depth > 0) {
        if (j >= n) return null;
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      out += ' ';
      i = j;
      continue;
    }
    if (c === '$' && !IDENTIFIER_CHAR.test(previous)) {
      if (/[0-9]/.test(sql[i + 1] ?? '')) {
        // A bind placeholder: $1, $2…
        let j = i + 1;
        while (j < n && /[0-9]/.test(sql[j])) j++;
        out += sql.slice(i, j);
        i = j;
        continue;
      }
      const tag = DOLLAR_TAG.exec(sql.slice(i, i + 66));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        if (end < 0) return null;
        out += '?';
        i = end + tag[0].length;
        continue;
      }
      // Any other `$` may open a dollar quote whose tag this reader does not know (PostgreSQL
      // accepts any letter in a tag): not read with certainty, so not recorded.
      return null;
    }
    if (/[A-Za-z_]/.test(c) && !IDENTIFIER_CHAR.test(previous)) {
      // A word: boolean and null literals are values too (`set in_care = true`); `is [not] null` stays.
      let j = i;
      while (j < n && IDENTIFIER_CHAR.test(sql[j])) j++;
      const word = sql.slice(i, j);
      const lower = word.toLowerCase();
      const before = /(\w+)\s*$/.exec(out)?.[1]?.toLowerCase();
      const literal = lower === 'true' || lower === 'false' || (lower === 'null' && before !== 'is' && before !== 'not');
      // E'…' strings: the E stays with its quote (read above).
      if ((lower === 'e' || lower === 'u') && (sql[j] === "'" || sql[j] === '&')) {
        out += c;
        i++;
        continue;
      }
      out += literal ? '?' : word;
      i = j;
      continue;
    }
    if ((/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) && !IDENTIFIER_CHAR.test(previous)) {
      let j = i;
      while (j < n && /[0-9.]/.test(sql[j])) j++;
      if ((sql[j] === 'e' || sql[j] === 'E') && /[-+0-9]/.test(sql[j + 1] ?? '')) {
        j += 2;
        while (j < n && /[0-9]/.test(sql[j])) j++;
      }
      out += '?';
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
