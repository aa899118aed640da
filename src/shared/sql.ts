/**
 * A piece of SQL with its `?` parameters in order, composed with the `sql` template tag: an
 * interpolated Fragment is embedded with its parameters where it stands, `raw(text)` is embedded
 * as text (the caller's own SQL, never a value from a request), and any other value becomes a
 * `?` parameter. Composition keeps parameters in the order of their placeholders.
 */
export class Fragment {
  constructor(
    readonly text: string,
    readonly params: readonly unknown[] = [],
  ) {}
}

export function raw(text: string): Fragment {
  return new Fragment(text);
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value instanceof Fragment) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1];
  });
  return new Fragment(text, params);
}

export function joinSql(fragments: readonly Fragment[], separator: string): Fragment {
  return new Fragment(
    fragments.map((fragment) => fragment.text).join(separator),
    fragments.flatMap((fragment) => fragment.params),
  );
}

/** A fragment of the `{ sql, params }` shape the policy's statement builders return. */
export function fragmentOf(statement: { sql: string; params: readonly unknown[] }): Fragment {
  return new Fragment(statement.sql, statement.params);
}

/** A SQL text literal of a name the code declares (a column, a key of a JSON object). */
export function literal(name: string): Fragment {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a name: ${name}`);
  return raw(`'${name}'`);
}
