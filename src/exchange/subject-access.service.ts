import { type GraphQLSchema, execute, validate } from 'graphql';
import { accessLogService } from '../access-log/access-log.service';
import { auditPersonRead } from '../audit/audit.service';
import type { RequestContext } from '../context/request-context';
import { assertAllowed } from '../policy/authz';
import { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import { AppError, NotFoundError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { structureService } from '../structures/structure.service';
import { SubjectAccessRecordDocument, type SubjectAccessRecordQuery } from './generated/subject-access';
import { renderSubjectAccessPdf } from './subject-access.pdf';
import type { SubjectAccessExport, SubjectAccessFormat } from './subject-access.type';

export const EXPORT_PERSON_RECORD = 'exportPersonRecord';

/** `YYYY-MM-DD` of a day in France. */
const FRENCH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A person's subject-access export: what the asking structure reads of the person through the
 * API now, got by running a fixed document (subject-access.graphql) through the application's
 * own schema with the request's context (the same guards, record decisions and read audit), and
 * the structures that accessed the record, from the access log as the policy shows it.
 */
export class SubjectAccessService {
  constructor(private readonly schema: GraphQLSchema) {
    const errors = validate(schema, SubjectAccessRecordDocument);
    if (errors.length > 0) throw new Error(`subject-access.graphql does not fit the schema: ${errors.map((e) => e.message).join('; ')}`);
  }

  /**
   * The export of one person for the viewer's structure, rendered, and audited (an entry for the
   * export itself, with its format and the domains it holds) before it is returned; the person's
   * data is also in the request's reads. Unknown and out-of-mandate persons alike: NOT_FOUND.
   */
  async export(ctx: RequestContext, id: string, format: SubjectAccessFormat): Promise<{ record: SubjectAccessExport; body: Buffer; fileName: string }> {
    assertAllowed(ctx.viewer, Permission.PERSON_EXPORT);
    const personId = parseId(id, 'id');
    const person = await this.read(ctx, personId);
    if (!person) throw new NotFoundError('Person');
    const [exporter, accesses] = await Promise.all([structureService.byId(ctx, ctx.viewer.structureId), accessLogService.byStructure(ctx, personId)]);
    const visible = new Set<string>(person.visibleDomains);
    const record: SubjectAccessExport = {
      format: 'passerelle.subject-access.v1',
      exportedAt: new Date().toISOString(),
      exportedBy: { name: exporter.name, kind: exporter.kind },
      hiddenDomains: Object.values(DataDomain).filter((domain) => !visible.has(domain)),
      person,
      accesses: accesses.map((access) => ({ ...access, firstAt: access.firstAt.toISOString(), lastAt: access.lastAt.toISOString() })),
    };
    const body = format === 'pdf' ? await renderSubjectAccessPdf(record) : Buffer.from(`${JSON.stringify(record, null, 2)}\n`, 'utf8');
    await auditPersonRead(ctx, {
      personId,
      domains: person.visibleDomains as DataDomain[],
      action: EXPORT_PERSON_RECORD,
      detail: { format },
    });
    // Named by the pseudonym and the day in France, never by the person's name.
    const fileName = `passerelle-${person.pseudonym.replace(/[^A-Za-z0-9-]/g, '_')}-${FRENCH_DAY.format(new Date(record.exportedAt))}.${format}`;
    return { record, body, fileName };
  }

  /** person(id) as the API answers it to this viewer: any error fails the whole export, never a part of it. */
  private async read(ctx: RequestContext, personId: string): Promise<SubjectAccessRecordQuery['person']> {
    const result = await execute({ schema: this.schema, document: SubjectAccessRecordDocument, contextValue: ctx, variableValues: { id: personId } });
    const [error] = result.errors ?? [];
    if (error) throw error.originalError instanceof AppError ? error.originalError : (error.originalError ?? error);
    return (result.data as SubjectAccessRecordQuery | null | undefined)?.person ?? null;
  }
}
