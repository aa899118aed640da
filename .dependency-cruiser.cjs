/**
 * The layers of src/, checked in `npm test` (`npm run deps:check`). Imports only go down:
 *
 *   infrastructure   src/server, src/config, src/jobs, src/observability, src/main.ts, src/entities.ts
 *   modules          every other folder of src/ (persons, support, housing, exchange, ...)
 *   policy | audit | outbox
 *   context          src/context: RequestContext, per-request loaders and read audit, the transaction
 *   auth             src/auth: tokens, the viewer, roles
 *   shared           src/shared: errors, ids, scalars, the vocabulary every layer uses
 *
 * Audit and outbox may use the policy (its data domains, its permissions); the policy uses
 * neither, and they do not use each other. Among the modules, structures and accounts are the
 * directory the others stand on, persons stands on the directory alone, and the others may use
 * one another's entities, types and services as long as no cycle forms, between files or between
 * the folders of src/ (a module is one folder: referrals, follow-ups and conventions, which use
 * one another, are the one module src/support). A type-only import counts like any other.
 *
 * The production image installs the dependencies only: src/ imports no devDependency, but for
 * src/server/ide.ts, which requires ruru (the development IDE) lazily, only when the IDE is on.
 */
const LOWER = {
  shared: ['shared'],
  auth: ['auth', 'shared'],
  context: ['context', 'auth', 'shared'],
  policy: ['policy', 'context', 'auth', 'shared'],
  audit: ['audit', 'policy', 'context', 'auth', 'shared'],
  outbox: ['outbox', 'policy', 'context', 'auth', 'shared'],
};
const BELOW_MODULES = ['shared', 'auth', 'context', 'policy', 'audit', 'outbox'];
const INFRASTRUCTURE = ['server', 'config', 'jobs', 'observability'];
const NOT_MODULES = [...BELOW_MODULES, ...INFRASTRUCTURE];
const MODULE = `^src/(?!(?:${NOT_MODULES.join('|')})/)[^/]+/`;
const INFRASTRUCTURE_PATH = `^src/(?:(?:${INFRASTRUCTURE.join('|')})/|main\\.ts$|entities\\.ts$)`;

/** Modules that may use only the listed modules (and every layer below the modules). */
const MODULES_ALLOWED = {
  structures: [],
  accounts: ['structures'],
  persons: ['structures', 'accounts'],
};

const layerRules = Object.entries(LOWER).map(([layer, allowed]) => ({
  name: `layer-${layer}`,
  severity: 'error',
  comment: `src/${layer} may import only ${allowed.map((name) => `src/${name}`).join(', ')}: imports go down (server -> modules -> policy | audit | outbox -> context -> auth -> shared).`,
  from: { path: `^src/${layer}/` },
  to: { path: '^src/', pathNot: `^src/(?:${allowed.join('|')})/` },
}));

const moduleRules = Object.entries(MODULES_ALLOWED).map(([module, allowed]) => ({
  name: `module-${module}`,
  severity: 'error',
  comment:
    allowed.length === 0
      ? `src/${module} is the base of the modules: it imports no other module.`
      : `src/${module} imports no module but ${allowed.map((name) => `src/${name}`).join(' and ')}; the others add to it from their own folders.`,
  from: { path: `^src/${module}/` },
  to: { path: MODULE, pathNot: `^src/(?:${[module, ...allowed].join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle of imports: break it by moving what both sides need down a layer.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment:
        'Two folders of src/ use each other, through a ring of files none of which imports itself back (the file rule no-circular sees none): ' +
        'move what the lower one needs into it or down a layer, or merge the two if they are one domain. Files of one folder may use each other freely.',
      from: { path: '^src/[^/]+$' },
      to: { path: '^src/[^/]+$', circular: true },
    },
    {
      name: 'no-import-into-sub-folder',
      severity: 'error',
      comment:
        "Another folder of src/ imports a folder's own top files, not those of its sub-folders (such as exchange/generated/): " +
        'dependency-cruiser draws the folder graph per folder, so no-folder-cycle sees a ring between folders of src/ only when each import lands on a top file.',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/[^/]+/', pathNot: '^src/$1/' },
    },
    ...layerRules,
    {
      name: 'layer-modules',
      severity: 'error',
      comment: 'A module never imports the infrastructure (src/server, src/config, src/jobs, src/observability, src/main.ts, src/entities.ts): the server wires the modules, not the reverse.',
      from: { path: MODULE },
      to: { path: INFRASTRUCTURE_PATH },
    },
    ...moduleRules,
    {
      name: 'src-no-dev-dependencies',
      severity: 'error',
      comment:
        'The production image installs the dependencies only: src/ uses no devDependency (move it to dependencies, or keep it in tests/ or scripts/). ' +
        'The one exception is src/server/ide.ts (rule src-ide-ruru-only).',
      from: { path: '^src/', pathNot: '^src/server/ide\\.ts$' },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'src-ide-ruru-only',
      severity: 'error',
      comment:
        'src/server/ide.ts may use one devDependency, ruru (the GraphQL IDE of development): it requires it inside ideRouter(), ' +
        'which the server calls only when IDE is on, and src/config/env.ts refuses IDE=on in production.',
      from: { path: '^src/server/ide\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], pathNot: 'node_modules/ruru/' },
    },
    {
      name: 'src-not-tooling',
      severity: 'error',
      comment: 'The application does not import its tests or scripts.',
      from: { path: '^src/' },
      to: { path: '^(?:tests|scripts)/' },
    },
  ],
  options: {
    // node_modules/ anywhere in the resolved path (it may be a symlink): packages are leaves of the
    // graph (doNotFollow), kept so that src-no-dev-dependencies sees them.
    includeOnly: '^(?:src|seeds|tests|scripts)/|node_modules/',
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
