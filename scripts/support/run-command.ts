/** Kept apart from command.ts (which loads MikroORM): `npm run token` starts in under a second. */
/**
 * Runs a command-line script: its exit code is what `main` answers, once its output is written;
 * an error thrown is printed as `<name>: <message>` (no stack) and exits 1.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => exitWhenWritten(code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      exitWhenWritten(1);
    },
  );
}

/** Exits once what was printed has left: writes to a pipe are asynchronous, and process.exit would cut them short. */
function exitWhenWritten(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
