import tseslint from 'typescript-eslint';

const electronOnlyInTwoFiles = {
  name: 'electron',
  message: 'Only electron/main.ts and electron/preload.ts may import electron; everything else takes ports.',
};

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'release/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInTwoFiles] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./)',
              message: 'shared/ is pure TypeScript: it may import only zod and files in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Feature files of the contract sit one level down: `../x` (shared/ itself) is fine, `../../` is not.
    files: ['shared/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|\\.\\./(?!\\.\\./))',
              message: 'shared/ is pure TypeScript: it may import only zod and files in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInTwoFiles],
          patterns: [{ regex: '(^|/)renderer/', message: 'electron/ never imports from renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInTwoFiles],
          patterns: [
            { regex: '^node:', message: 'The renderer runs in a browser: no Node built-ins.' },
            { regex: '(^|/)electron/', message: 'The renderer talks to the core only through the contract.' },
          ],
        },
      ],
    },
  },
);
