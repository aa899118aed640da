import express, { type Request, type Response } from 'express';
import { readsOf } from '../audit/audit.service';
import { ReadAuditWriter } from '../audit/read-audit-writer';
import { MAX_IMPORT_LINES } from '../persons/person-import.csv';
import { PersonImportOutcome, personImportService } from '../persons/person-import.service';
import { ErrorCode } from '../shared/errors';
import { type HandlerDeps, authenticatedHandler } from './http-exports';

/** The largest export accepted (10,000 lines of a case software's export are about 1 MB). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const CSV_TYPES = ['text/csv', 'application/csv'];

type Refusal = Exclude<PersonImportOutcome, PersonImportOutcome.WRITTEN | PersonImportOutcome.TOO_MANY_LINES>;

/** How each refusal is answered: an HTTP status, the contract's code and a sentence; the report goes with it. */
const REFUSALS: Record<Refusal, { status: number; code: ErrorCode; message: string }> = {
  [PersonImportOutcome.UNREADABLE]: { status: 400, code: ErrorCode.BAD_USER_INPUT, message: 'The file cannot be read; nothing was written' },
  [PersonImportOutcome.INVALID_LINES]: { status: 422, code: ErrorCode.BAD_USER_INPUT, message: 'Some lines are invalid; nothing was written' },
  [PersonImportOutcome.DUPLICATES]: {
    status: 409,
    code: ErrorCode.CONFLICT,
    message:
      'Some lines may be persons Passerelle holds already; nothing was written. Check them, or send the file again with ?duplicates=register to register them as new persons',
  },
};

function tooLarge(res: Response, message: string): void {
  res.status(413).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
}

/** The body of POST /imports/persons: the file's bytes (decoded by the import, which checks its UTF-8). */
const readFileBody = express.raw({ type: CSV_TYPES, limit: IMPORT_MAX_BYTES });

/**
 * Reads the body (after the caller is known and allowed); false when it could not be read, then
 * answered: 413 over the limit, 415 for an encoding the server does not decode, 400 for a body
 * that is not what its headers say (a corrupt gzip stream). Anything else is the server's.
 */
function readBody(req: Request, res: Response): Promise<boolean> {
  return new Promise((resolve, reject) => {
    readFileBody(req, res, (error?: { type?: string; status?: number }) => {
      if (!error) resolve(true);
      else if (error.type === 'entity.too.large') {
        tooLarge(res, `The file is over ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it`);
        resolve(false);
      } else if (error.status !== undefined && error.status < 500) {
        const encoding = error.type === 'encoding.unsupported';
        res.status(encoding ? 415 : 400).json({
          errors: [
            {
              message: encoding ? 'Send the file uncompressed, or gzip or deflate encoded' : 'The body cannot be read as its headers describe it',
              extensions: { code: ErrorCode.BAD_USER_INPUT },
            },
          ],
        });
        resolve(false);
      } else reject(error);
    });
  });
}

/**
 * POST /imports/persons[?duplicates=register] (text/csv, bearer token): a SPIP's export from its
 * case software, all or nothing; the answer is the import's report (README, "Importing persons").
 */
export function personImportHandler(deps: HandlerDeps) {
  return authenticatedHandler(deps, 'importPersons', async (ctx, req, res) => {
    // The answer names persons: never stored by a cache on the way.
    res.setHeader('cache-control', 'no-store');
    // Nothing of the file is read before the caller is known, within its rate limit and allowed to import.
    personImportService.assertMayImport(ctx);
    if (!(await readBody(req, res))) return;
    // A CSV request without a body reaches the import as an empty file (answered: no header).
    const body: unknown = req.body ?? (req.is(CSV_TYPES) ? Buffer.alloc(0) : undefined);
    if (!Buffer.isBuffer(body)) {
      res.status(415).json({ errors: [{ message: 'Send the file as text/csv', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    const started = process.hrtime.bigint();
    const { outcome, report } = await personImportService.importFile(ctx, body, { registerDuplicates: req.query.duplicates === 'register' });
    // Possible duplicates name persons the SPIP sees: audited as reads, before the answer leaves.
    await new ReadAuditWriter(ctx.em).write(readsOf(ctx));
    ctx.log.info(
      {
        operation: ctx.operationName,
        account: ctx.viewer.accountId,
        outcome,
        lines: report.lines,
        created: report.created.length,
        updated: report.updated.length,
        duplicates: report.duplicates.length,
        errors: report.errors.length,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      },
      'person import',
    );
    if (outcome === PersonImportOutcome.WRITTEN) {
      res.status(200).json(report);
    } else if (outcome === PersonImportOutcome.TOO_MANY_LINES) {
      tooLarge(res, `The file has ${report.lines} lines, more than ${MAX_IMPORT_LINES}: split it`);
    } else {
      const { status, code, message } = REFUSALS[outcome];
      res.status(status).json({ code, message, ...report });
    }
  });
}
