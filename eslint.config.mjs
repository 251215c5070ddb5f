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
      // ... and holds no module state: what decide needs (reference lists, policy) is passed in by
      // its owner. Module-level bindings are constants; guarded by tests/unit/domain/purity.test.ts.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration[kind!="const"]',
          message: 'No module-level let/var in src/domain: pass state in from its owner.',
        },
        {
          selector:
            ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator[init.type="NewExpression"][init.callee.name=/^(Map|Set|WeakMap|WeakSet|Array)$/]:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly(Map|Set)$/])',
          message:
            'No module-level registry in src/domain: a constant Map/Set is typed ReadonlyMap/ReadonlySet; state is passed in.',
        },
        {
          selector:
            ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator[init.type=/^(ArrayExpression|ObjectExpression)$/][init.elements.length=0], :matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator[init.type="ObjectExpression"][init.properties.length=0]',
          message:
            'No module-level registry in src/domain (an empty array or object to fill later).',
        },
        {
          selector: 'PropertyDefinition[static=true][readonly!=true]',
          message: 'No mutable static fields in src/domain: they are module state.',
        },
      ],
    },
  },
  prettier,
  {
    // Prettier wraps code at 100 but not comments; this holds comments to it too. Only a string,
    // template or regex literal that cannot be split may be longer.
    files: ['src/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'max-len': [
        'error',
        {
          code: 100,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreUrls: true,
        },
      ],
    },
  },
);
