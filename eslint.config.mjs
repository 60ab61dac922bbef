// ESLint for every project (`nx run <project>:lint`, `npm run lint`). TypeScript: typescript-eslint strictTypeChecked,
// type-aware through the project service (each file is checked with the nearest tsconfig.json). Client: angular-eslint
// (TypeScript and template rules, template accessibility rules included). Every rule turned off or relaxed here says
// why on its line. Formatting is Prettier's (`npm run format:check`), not ESLint's.
import js from '@eslint/js';
import angular from 'angular-eslint';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      '.nx/**',
      'coverage/**',
      'client/.angular/**',
      'bench/results/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // TypeScript, all projects.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how the code writes messages and SQL parameters ($1, $2): allow numbers
      // and booleans; objects, null and undefined stay errors (they print "[object Object]" / "null").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `_`-prefixed names are deliberately unused (destructuring to omit a field, an interface's parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Nest modules, Angular components and test fixtures are classes without members by design.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // `void promise` marks a deliberately unawaited call (fire-and-forget logging, Angular navigation).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // Arrow shorthands returning void calls (`(x) => void list.push(x)`, `() => save()`) read as intended.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      // Off until tsconfig has noUncheckedIndexedAccess: without it regex groups, array and record reads are typed
      // as always present, and the rule asks to delete the checks (`m[1] ?? 0`, `map[key]?.x`) that keep them safe.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `!` states an invariant tsc cannot see (a Map filled just above, the row just inserted); strictNullChecks
      // checks every other access, and an explicit throw in its place would be the same failure in more lines.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // String()/Number() around values typed by hand make the type true at run time (pg returns bigint and numeric
      // columns as strings, JSON bodies are unchecked): removing them as "unnecessary" would change behaviour.
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
    },
  },

  {
    files: ['workflows/src/**/*.ts'],
    rules: {
      // `setup({ types: {} as { context; events; input } })` is how xstate machines declare their types; the rule
      // calls that assertion unnecessary and its fix erases the machines' types.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },

  // Migrations are history: each ran once in its form, and its raw q.query() rows are not retyped afterwards.
  {
    files: ['migrations/src/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },

  // pdfmake's Content type is a union with string, so the style keys `bold`/`italics` resolve to the deprecated
  // String.prototype.bold/italics: every document style would be reported.
  {
    files: ['templates/src/**/*.ts'],
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },

  // Tests: jest and Playwright idioms.
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'e2e/**/*.ts', 'client/src/app/testing/**/*.ts'],
    rules: {
      // `expect(service.method)` and jest.fn() mocks pass methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // Query helpers take the element type they return: `el<HTMLInputElement>('#name')`.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // Fakes implement async interfaces and throw to reject, as the real transport does; they need not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['api/test/**/*.ts', 'ops/test/**/*.ts', '**/*.spec.ts'],
    rules: {
      // Tests read HTTP bodies (supertest's res.body, fetch's json()) and raw rows, typed `any` by those libraries,
      // and check their shape with expect(); typing each read would add casts that assert nothing. The source code
      // under test keeps every no-unsafe-* rule.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // The same bodies in the test helpers' signatures (`HttpResult<T = any>`).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },

  // Client: angular-eslint on TypeScript (inline templates are extracted and linted as templates) and templates.
  {
    files: ['client/src/**/*.ts'],
    extends: [angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'sv', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'sv', style: 'camelCase' }],
      // Angular's validators (Validators.required, Validators.maxLength) are static functions passed as values.
      '@typescript-eslint/unbound-method': 'off',
      // Angular Material's MatDialogConfig/MatSnackBarConfig are documented as plain option objects.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // A feature's i18n file augments the message catalogue with `interface Messages extends FeatureMessages {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['client/src/**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
  },

  // JavaScript (configs, scripts, the benchmark): ESLint's recommended rules, no type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs', '**/jest.config.js', 'jest.preset.js'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // Layout is Prettier's (last, so that it wins over every preset): it breaks `(expr)\n[method](…)` chains over
  // lines, which no-unexpected-multiline (off in eslint-config-prettier too) reports although the code is unambiguous.
  { rules: { 'no-unexpected-multiline': 'off' } },
);
