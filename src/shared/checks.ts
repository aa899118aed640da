import { DEPARTEMENT_PATTERN } from './departement';

/** SQL check that every element of a text[] column is one of the enum's values. */
export function enumArrayCheck(column: string, values: Record<string, string>): string {
  const list = Object.values(values)
    .map((value) => `'${value}'`)
    .join(', ');
  return `${column} <@ array[${list}]::text[]`;
}

/** SQL check that every element of a text[] column is an INSEE département code. */
export function departementArrayCheck(column: string): string {
  const element = DEPARTEMENT_PATTERN.slice(1, -1);
  return `array_to_string(${column}, ' ') ~ '^(${element}( |$))*$'`;
}
