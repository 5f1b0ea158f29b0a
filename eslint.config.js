// The project's linter: TypeScript's recommended rules everywhere, and the rules of hooks in
// the renderer, where a missed dependency shows a person stale data. Every `eslint-disable`
// must say why on its own line (`-- reason`), and one that no longer silences anything fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'native/', 'release/', 'test-results/', 'playwright-report/', 'bench/.data/', '.vite/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // Unused names are allowed when a leading underscore marks them as deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Control characters are the point of the sanitising and sniffing patterns.
      'no-control-regex': 'off',
      // `catch {}` says on its face that the failure is expected and changes nothing.
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Functions these scripts hand to a browser page run there.
    files: ['scripts/make-icons.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
