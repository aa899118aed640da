import { Permission, roleMay } from '../policy/permissions';
import { type FieldPlan, column, planFields } from '../context/planned-read';

/** A structure in a planned answer (server/planned-read.ts): directory data, for whoever reads the directory. */
const directory =
  (plan: FieldPlan): FieldPlan =>
  (state, scope, field) =>
    roleMay(state.ctx.viewer.role, Permission.DIRECTORY_READ) ? plan(state, scope, field) : null;

planFields('Structure', {
  id: directory(column('id')),
  name: directory(column('name')),
  kind: directory(column('kind')),
  departement: directory(column('departement')),
  city: directory(column('city')),
  region: directory(column('region')),
});
