// Lint rules, including the layer directions: shared/ imports neither Node nor the DOM, renderer/ never
// imports electron/, domain services never import Electron, and only renderer/src/api/ talks to the host.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noElectron = { name: 'electron', message: 'Domain services, hosts and the CLI stay Electron-free so they run in plain Node.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      // TypeScript checks names itself, and knows the DOM and Node globals per runtime.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules.map((name) => ({ name, message: 'shared/ must not import Node.' })), { name: 'electron', message: 'shared/ must not import Electron.' }],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
            { group: ['vue', 'pinia', 'lowdb'], message: 'shared/ holds pure types and the contract only.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'fetch', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'The renderer runs in a sandboxed page: no Node.' }))],
          patterns: [{ group: ['**/electron/**'], message: 'renderer/ never imports electron/: go through renderer/src/api/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.vue'],
    ignores: ['renderer/src/api/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only renderer/src/api/ talks to the host.' }, { name: 'EventSource', message: 'Only renderer/src/api/ talks to the host.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='window'][property.name='dossier']", message: 'Only renderer/src/api/ touches window.dossier.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
            { group: ['**/api/http-bridge*'], message: 'Use useApi() from renderer/src/api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/electron/main/**', '**/electron/preload/**', '**/main/*', '**/preload/*'], message: 'Services never depend on the Electron host.' },
            { group: ['**/renderer/**'], message: 'Services never import the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/host/**', '**/cli/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Domain services do not know their hosts.' },
            { group: ['**/renderer/**'], message: 'Services never import the renderer.' },
          ],
        },
      ],
    },
  },
);
