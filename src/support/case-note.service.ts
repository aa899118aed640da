import { randomUUID } from 'node:crypto';
import { Account } from '../accounts/account.entity';
import { auditWrite } from '../audit/audit.service';
import { OutboxEventType } from '../outbox/outbox-event.entity';
import { recordEvent } from '../outbox/outbox';
import { assertAllowed } from '../policy/authz';
import type { DataDomain } from '../policy/data-domain';
import { Permission } from '../policy/permissions';
import { CASE_NOTE_RECORD } from '../policy/record-kinds';
import { Person } from '../persons/person.entity';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { parseId } from '../shared/ids';
import { assertVersion } from '../context/transaction';
import { insertForPerson, writeForPerson, writeRecord, type WriteRule } from '../policy/person-write';
import { Structure } from '../structures/structure.entity';
import { CaseNote } from './case-note.entity';
import type { EditCaseNoteArgs, WriteCaseNoteInput } from './follow-up.inputs';
import { FollowUp } from './follow-up.entity';
import { CASE_NOTE_EDIT_WINDOW_MS, CaseNoteView } from './follow-up.type';

/** Case notes: written in a domain the author writes, read under that domain's policy, append-only after 24 hours. */
export class CaseNoteService {
  /** Notes of a visible person the viewer may read, newest first, optionally of one domain (batched). */
  async ofPerson(ctx: RequestContext, personId: string, domain?: DataDomain | null): Promise<CaseNoteView[]> {
    const shown = (await ctx.access.visibleRecords(CASE_NOTE_RECORD, personId))
      .map(({ row }) => ctx.em.map(CaseNote, row))
      .filter((row) => !domain || row.domain === domain);
    return shown.map((row) => CaseNoteView.from(row, ctx.viewer.structureId));
  }

  /** The note a correction points to, when the viewer may read it. */
  async correctedBy(ctx: RequestContext, noteId: string | null): Promise<CaseNoteView | null> {
    if (!noteId) return null;
    const shown = await ctx.records.get(CASE_NOTE_RECORD, CaseNote, noteId);
    return shown ? CaseNoteView.from(shown.record, ctx.viewer.structureId) : null;
  }

  /** A structure with a full mandate writes a note in a domain it writes; a correction points to the note it corrects. */
  async write(ctx: RequestContext, input: WriteCaseNoteInput): Promise<CaseNoteView> {
    assertAllowed(ctx.viewer, Permission.CASE_NOTE_WRITE);
    const personId = parseId(input.personId, 'personId');
    const rule = { what: 'Writing a case note', domain: input.domain };
    if (!input.followUpId && !input.correctsId) return this.writeStandalone(ctx, personId, rule, input);
    const note = await writeForPerson(ctx, personId, rule, async (em) => {
      // The author is the viewer, authenticated by this request: references suffice (the foreign keys check them).
      const created = new CaseNote(
        em.getReference(Person, personId),
        input.domain,
        em.getReference(Account, ctx.viewer.accountId),
        input.text,
        em.getReference(Structure, ctx.viewer.structureId),
      );
      if (input.followUpId) {
        created.followUp = await em.findOne(FollowUp, { id: parseId(input.followUpId, 'followUpId'), person: personId, structure: ctx.viewer.structureId });
        if (!created.followUp) throw new BadUserInputError("followUpId is not one of your structure's follow-ups of this person", 'followUpId');
      }
      if (input.correctsId) {
        const corrected = (await ctx.records.get(CASE_NOTE_RECORD, CaseNote, parseId(input.correctsId, 'correctsId')))?.record;
        if (!corrected || corrected.person.id !== personId) {
          throw new BadUserInputError('correctsId is not a note of this person that you may read', 'correctsId');
        }
        if (corrected.domain !== input.domain) {
          throw new BadUserInputError(`A correction keeps the domain of the note it corrects (${corrected.domain})`, 'domain');
        }
        created.corrects = corrected;
      }
      em.persist(created);
      recordEvent(ctx, OutboxEventType.CASE_NOTE_WRITTEN, {
        personId,
        domain: input.domain,
        payload: { caseNoteId: created.id, correctsId: created.corrects?.id ?? null },
      });
      auditWrite(ctx, { personId, domains: [input.domain], action: 'writeCaseNote', ids: { caseNoteId: created.id } });
      return created;
    });
    return CaseNoteView.from(note, ctx.viewer.structureId);
  }

  /** A note that points to nothing the write must read first: created in the door's two round trips (insertForPerson). */
  private async writeStandalone(ctx: RequestContext, personId: string, rule: WriteRule, input: WriteCaseNoteInput): Promise<CaseNoteView> {
    const { viewer } = ctx;
    const now = new Date();
    const note = {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      person: personId,
      followUp: null,
      domain: input.domain,
      authorStructure: viewer.structureId,
      authorAccount: viewer.accountId,
      text: input.text,
      corrects: null,
    };
    const inserted = await insertForPerson(ctx, personId, rule, () => {
      recordEvent(ctx, OutboxEventType.CASE_NOTE_WRITTEN, { personId, domain: input.domain, payload: { caseNoteId: note.id, correctsId: null } });
      auditWrite(ctx, { personId, domains: [input.domain], action: 'writeCaseNote', ids: { caseNoteId: note.id } });
      return { entity: CaseNote, data: note, returning: ['version'] };
    });
    const view = { ...note, person: { id: personId }, authorStructure: { id: viewer.structureId }, authorAccount: { id: viewer.accountId } };
    return CaseNoteView.from({ ...view, version: inserted.version as number }, viewer.structureId);
  }

  /** Its author's structure edits a note within 24 hours; afterwards notes are append-only. */
  async edit(ctx: RequestContext, args: EditCaseNoteArgs): Promise<CaseNoteView> {
    assertAllowed(ctx.viewer, Permission.CASE_NOTE_WRITE);
    const id = parseId(args.id, 'id');
    const target = { entity: CaseNote, declaration: CASE_NOTE_RECORD, id, label: 'Case note' };
    const rule = (found: CaseNote) => {
      if (found.authorStructure.id !== ctx.viewer.structureId) throw new ForbiddenError("Only the author's structure edits a case note");
      if (Date.now() - found.createdAt.getTime() >= CASE_NOTE_EDIT_WINDOW_MS) {
        throw new ConflictError('The note is more than 24 hours old and append-only: write a correction that points to it');
      }
      return { what: 'Editing a case note', domain: found.domain };
    };
    const note = await writeRecord(ctx, target, rule, async (found, em) => {
      assertVersion('The note', found.version, args.expectedVersion);
      found.text = args.text;
      auditWrite(ctx, { personId: found.person.id, domains: [found.domain], action: 'editCaseNote', ids: { caseNoteId: id } });
      return found;
    });
    return CaseNoteView.from(note, ctx.viewer.structureId);
  }
}

export const caseNoteService = new CaseNoteService();
