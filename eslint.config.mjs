// Lint rules: typescript-eslint's recommended set, plus the money rule of this project; layout is
// prettier's (`npm run lint` runs both), so the rules that would argue with it are off.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'bin/**'] },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
      },
    },
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Money is decimal.js and strings; parseFloat on amounts is how fen get lost.
      'no-restricted-globals': [
        'error',
        { name: 'parseFloat', message: 'Money is decimal.js; never parseFloat.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The domain is pure: no database, no GraphQL, no file system.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'pg',
            'pg-*',
            'graphql',
            'graphql-*',
            'type-graphql',
            'fs',
            'node:fs',
            'fs/*',
            'node:fs/*',
            '@apollo/*',
            'express',
          ],
        },
      ],
    },
  },
  prettier,
);
