import { addPersonPagePart, asksFor, compactRows, expandRows } from './person-page';
import { personLoaders } from './person.loaders';
import { IDENTITY_COLUMNS, type IdentityColumns, identityRecord } from './person.rows';
import { columnNames } from '../shared/raw-rows';

const COLUMNS = columnNames(IDENTITY_COLUMNS);

/** A persons page that asks for `identity` reads the page's identity rows ahead (the guard still decides). */
addPersonPagePart({
  name: 'identity',
  asked: (info, node) => asksFor(info, node, 'identity'),
  sql: () => ({
    sql: `(select ${compactRows(COLUMNS, 'i')} from (select ${IDENTITY_COLUMNS} from person_identity where person_id in (select id from page)) i)`,
    params: [],
  }),
  prime: (ctx, personIds, value) => {
    const byPerson = new Map(expandRows<IdentityColumns>(COLUMNS, value).map((row) => [row.person_id, identityRecord(row)]));
    for (const id of personIds) personLoaders(ctx).identityByPerson.prime(id, byPerson.get(id) ?? null);
  },
});
