// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/migrations/mysql/**',
      '**/migrations/sqlite/**',
      'examples/typed-client/generated/**',
      'portal/src/generated/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers and booleans print unambiguously; objects and nullish values are what the rule is for.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `void promise` marks a deliberately unawaited call, and `() => void x` is how a handler says it returns nothing.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true },
      ],
      // type-graphql's resolvers, inputs and entities are classes whose members are all decorated.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Destructuring a property beside a rest is how the code drops a key without `delete`.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
