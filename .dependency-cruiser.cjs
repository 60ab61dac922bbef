// @ts-check
/**
 * Layer rules, checked by dependency-cruiser (`npm run lint:layers`, part of `npm run lint`).
 * ARCHITECTURE.md ("Layers and rules") says the same in prose. A test (scripts/lint/layers.spec.ts) shows that each
 * rule catches a violation.
 */

/** API files every feature may use without depending on the feature they live in: the schema (entities and their
 *  relations are one model), the signed-in user with the access decorators, the password helpers and the audit trail
 *  every change appends to. The same list as SHARED in api/src/feature-graph.spec.ts. */
const API_SHARED = [
  '\\.entity\\.ts$',
  '^api/src/auth/access\\.decorators\\.ts$',
  '^api/src/auth/passwords\\.ts$',
  '^api/src/audit/audit\\.service\\.ts$',
  '^api/src/audit/audit-trail\\.module\\.ts$',
];

/** The API's feature folders (infrastructure such as common/, database/, workflow/ and demo/ is not a feature). */
const API_FEATURES = '(auth|directory|audit|reports|imports|cases|actions|meetings|plans|retention|health|idempotency|walks)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'workflows-pure',
      comment:
        'The machines are shared by the API and the browser: workflows/ imports nothing but xstate and contracts ' +
        '(no framework, no persistence, no Node built-in, bare or node:).',
      severity: 'error',
      from: { path: '^workflows/src/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^(workflows/src/|contracts/src/)|(^|/)node_modules/xstate/' },
    },
    {
      name: 'contracts-standalone',
      comment: 'contracts/ is the single source the other projects import; it imports nothing of theirs.',
      severity: 'error',
      from: { path: '^contracts/src/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(api|client|workflows|templates|migrations|e2e|ops|bench|scripts)/' },
    },
    {
      name: 'contracts-no-builtin',
      comment: 'contracts/ runs in the browser too: no Node built-in.',
      severity: 'error',
      from: { path: '^contracts/src/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'api-feature-cycle',
      comment:
        'Features depend on each other in one direction only (e.g. actions and meetings on cases). Folder level: ' +
        'a cycle through any files of two features counts; the shared files (API_SHARED) are left out of the cruise.',
      severity: 'error',
      scope: 'folder',
      from: { path: `^api/src/${API_FEATURES}$` },
      to: { path: `^api/src/${API_FEATURES}$`, circular: true },
    },
    {
      name: 'controller-no-typeorm',
      comment: 'Controllers take requests and call services and repositories; SQL and TypeORM stay out of them.',
      severity: 'error',
      from: { path: '\\.controller\\.ts$' },
      to: { path: '(^|/)node_modules/(typeorm|@nestjs/typeorm)/' },
    },
    {
      name: 'client-core-no-feature',
      comment: 'client core/ is the frame every feature uses; features register themselves via providers.',
      severity: 'error',
      from: { path: '^client/src/app/core/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^client/src/app/', pathNot: '^client/src/app/(core|testing)/' },
    },
    {
      name: 'client-no-api',
      comment: 'The client talks to the API over HTTP only; shared types come from contracts/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(api|migrations|templates|ops)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: [...API_SHARED, '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
