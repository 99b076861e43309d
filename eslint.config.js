// ESLint 9 flat config. Besides the recommended rules it enforces the dependency rule of
// docs/ARCHITECTURE.md: web → core, server → core, core → nothing; inside the server,
// routes never touch db/ (type-only imports aside). scripts/lint-rules.test.ts proves it fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const RULE = '@typescript-eslint/no-restricted-imports';

/** A pattern matched against the import string, case-sensitively. */
const pattern = (regex, message, extra = {}) => ({ regex, caseSensitive: true, message, ...extra });

const bareBuiltins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/'));

const noServer = pattern('(^|/)server(/|$)', 'Only server/ may import server code (dependency rule: web → core, server → core).');
const noWeb = pattern('(^|/)web(/|$)', 'Nothing imports web/ (dependency rule: web → core, server → core).');

const coreRestrictions = [
  noServer,
  noWeb,
  pattern('^node:', 'core/ is pure: no Node APIs (it also runs in the browser).'),
  pattern(`^(${bareBuiltins.join('|')})(/.*)?$`, 'core/ is pure: no Node built-in modules.'),
  pattern(
    '^(react|react-dom|fastify|@fastify/.+|drizzle-orm|drizzle-kit|pg|@electric-sql/.+|antd|@ant-design/.+)(/.*)?$',
    'core/ holds pure domain rules and schemas: no UI, HTTP or database libraries.',
  ),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'web/dist*/**',
      'data/**',
      'data-*/**',
      'data*/**',
      'server/db/migrations/**',
      '.tmp/**',
      'backups/**',
      'test-results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Type-aware rules: a switch over a union names every member (a new state or outcome fails
    // to compile where it is not handled), and no promise is left floating.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['web/bundle-report.ts', 'web/bundle-size.test.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },

  // ---- dependency rule ----
  {
    files: ['core/**/*.ts', 'core/**/*.tsx'],
    rules: {
      [RULE]: ['error', { patterns: coreRestrictions }],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'core/ is pure: no dynamic imports.' }],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'window', 'document', 'localStorage', 'sessionStorage'].map(
          (name) => ({
            name,
            message: 'core/ is pure: no Node or DOM globals; take what you need as a parameter.',
          }),
        ),
      ],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: { [RULE]: ['error', { patterns: [noServer] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { [RULE]: ['error', { patterns: [noWeb] }] },
  },
  {
    // Routes validate and call a use case or query; they never reach the database directly.
    // (Later config objects replace a rule's options, so the server-wide pattern is repeated.)
    files: ['server/modules/*/*.routes.ts', 'server/modules/*/routes/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Routes never open a transaction: the command owns it (and writes its audit row inside it).',
        },
      ],
      [RULE]: [
        'error',
        {
          patterns: [
            noWeb,
            pattern('(^|/)db(/|$)', "Routes do not touch server/db: call one of the module's commands or queries.", {
              allowTypeImports: true,
            }),
          ],
        },
      ],
    },
  },
  {
    // Read models only read: a query never imports a use case (commands write).
    files: ['server/queries/**/*.ts', 'server/modules/*/queries/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: {
      [RULE]: [
        'error',
        {
          patterns: [
            noWeb,
            pattern(
              '(^|/)commands(/|$)',
              'Queries never import commands: move the shared piece next to the query, or the write into a command.',
            ),
          ],
        },
      ],
    },
  },
);
