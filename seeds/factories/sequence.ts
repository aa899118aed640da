import { randomBytes } from 'node:crypto';

let counter = 0;
const run = randomBytes(3).toString('hex');

/** A value unique within this process and unlikely to repeat across processes. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${run}${counter}`;
}
