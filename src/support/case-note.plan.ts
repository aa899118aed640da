import { CASE_NOTE_RECORD } from '../policy/record-kinds';
import { visibleRecordsSql } from '../policy/planned-sql';
import { column, planFields, timestampColumn, visibleRecordsPlan } from '../context/planned-read';

/**
 * A person's case notes in a planned answer (context/planned-read.ts): the notes the record
 * reader shows the viewer, read once for the answer's persons and grouped by person, newest
 * first, each audited with its domain, as Person.caseNotes gives them without a domain filter.
 */
planFields('Person', {
  caseNotes: visibleRecordsPlan('CaseNote', (state) => visibleRecordsSql(CASE_NOTE_RECORD, state.ctx.viewer, { mandate: 'parent__.mandate_state' })),
});

planFields('CaseNote', {
  id: column('id'),
  domain: column('domain'),
  text: column('text'),
  createdAt: timestampColumn('created_at'),
  updatedAt: timestampColumn('updated_at'),
  version: column('version'),
});
