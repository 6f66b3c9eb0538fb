// The shape of the code, enforced (docs/architecture.md draws it):
// - src/core is pure: no `vscode`, no Node built-in but `node:path` (the same rule vscode-markdown-languageservice uses);
// - nothing inside src/core imports the core's barrel (src/core/index.ts), which is for the layers above;
// - the core never imports the layers above it (features, cli, node adapter, shared protocol);
// - the webview (media/src) imports only the shared protocol (src/shared);
// - what runs in the browser's web worker host (features, src/web, src/shared, the shared activate) imports no Node
//   built-in at all: Node code goes in src/node/ behind src/features/platform.ts (the build checks the bundle too);
// - no import cycles anywhere.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const allowedInCore = new Set(['path']);
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_') && !allowedInCore.has(m));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test/fixtures/**', 'examples/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      // The cycle check parses the files it follows: with TypeScript's parser, or it silently sees no imports.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.mjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'media/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: no vscode import (pass what it needs in through an interface).' },
            ...nodeBuiltins.flatMap((name) => [
              { name, message: 'src/core imports no Node built-in but node:path; put Node code in src/node/.' },
              { name: `node:${name}`, message: 'src/core imports no Node built-in but node:path; put Node code in src/node/.' },
            ]),
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/core', from: './src/core/index.ts', message: 'Inside the core import the module itself, not the barrel.' },
            { target: './src/core', from: './src/features', message: 'The core is below the features.' },
            { target: './src/core', from: './src/cli', message: 'The core is below the CLI.' },
            { target: './src/core', from: './src/node', message: 'The core is below the Node adapter.' },
            { target: './src/core', from: './src/shared/previewProtocol.ts', message: 'The core does not know the preview protocol.' },
          ],
        },
      ],
    },
  },
  {
    files: ['media/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './media/src',
              from: './src',
              except: ['./shared'],
              message: 'The webview imports only the shared protocol (src/shared).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**/*.ts', 'src/web/**/*.ts', 'src/shared/**/*.ts', 'src/activate.ts', 'src/extension.web.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules
            .filter((m) => !m.startsWith('_'))
            .flatMap((name) => [
              { name, message: 'This code runs in the browser host too: no Node built-in (put it in src/node/ behind src/features/platform.ts).' },
              { name: `node:${name}`, message: 'This code runs in the browser host too: no Node built-in (put it in src/node/ behind src/features/platform.ts).' },
            ]),
        },
      ],
    },
  },
);
