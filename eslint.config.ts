import { posix, relative, sep } from 'node:path';
import type { Rule } from 'eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronOnlyInTwoFiles = {
  name: 'electron',
  message: 'Only electron/main.ts and electron/preload.ts may import electron; everything else takes ports.',
};

/**
 * The layer each folder belongs to and what it may import, like VS Code's code-layering rule:
 * shared ← platform ← core ← hosts ← main/preload, and the renderer beside them, talking only through shared/.
 * Capabilities (electron/core/<name>/) do not import each other: they meet in inventory/ and core.ts.
 */
type Layer = { name: string; allow: string[]; typeOnly?: string[]; why: string };

const CORE = 'electron/core/';
const ENTRY_FILES = ['electron/main.', 'electron/preload.'];

function layerOf(file: string): Layer | null {
  if (file.startsWith('shared/')) return { name: 'shared/', allow: ['shared/'], why: 'shared/ is pure TypeScript' };
  if (file.startsWith('renderer/')) {
    return { name: 'renderer/', allow: ['renderer/', 'shared/'], why: 'the renderer talks to the core only through the contract' };
  }
  if (file.startsWith('electron/platform/')) {
    return { name: 'electron/platform/', allow: ['shared/', 'electron/platform/'], why: 'platform adapters sit below the core' };
  }
  if (file.startsWith(`${CORE}inventory/`)) {
    return {
      name: `${CORE}inventory/`,
      allow: ['shared/', `${CORE}inventory/`],
      typeOnly: ['electron/platform/'],
      why: 'the inventory is where capabilities meet, so it depends on none of them (platform: types only)',
    };
  }
  const capability = /^electron\/core\/([^/]+)\//.exec(file)?.[1];
  if (capability) {
    const own = `${CORE}${capability}/`;
    return {
      name: own,
      allow: ['shared/', 'electron/platform/', `${CORE}inventory/`, own],
      why: 'capabilities do not import each other or the core that wires them; they meet in inventory/ and core.ts',
    };
  }
  if (file.startsWith(CORE)) {
    return { name: CORE, allow: ['shared/', 'electron/platform/', CORE], why: 'the core never reaches up into the front doors' };
  }
  if (file.startsWith('electron/hosts/')) {
    const below = ['shared/', 'electron/platform/', CORE, 'electron/hosts/'];
    return { name: 'electron/hosts/', allow: below, why: 'hosts are started by main/preload, not the other way round' };
  }
  if (ENTRY_FILES.some((entry) => file.startsWith(entry))) {
    return { name: 'electron/main+preload', allow: ['shared/', 'electron/'], why: 'electron/ never imports the renderer' };
  }
  return null;
}

const importDirection: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports point down the layers (see eslint.config.ts).' } },
  create(context) {
    const file = relative(context.cwd, context.filename).split(sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};
    const check = (node: Rule.Node, source: unknown, typeOnly: boolean) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = posix.normalize(posix.join(posix.dirname(file), source));
      if (layer.allow.some((prefix) => target.startsWith(prefix))) return;
      if (typeOnly && layer.typeOnly?.some((prefix) => target.startsWith(prefix))) return;
      context.report({ node, message: `${layer.name} may not import ${target}: ${layer.why}.` });
    };
    // typescript-eslint adds importKind/exportKind to the ESTree nodes; plain ESTree types do not know them.
    type TsKinds = { importKind?: string; exportKind?: string; specifiers?: { importKind?: string }[] };
    const isTypeOnly = (estree: object) => {
      const node = estree as TsKinds;
      return (
        node.importKind === 'type' ||
        node.exportKind === 'type' ||
        (node.specifiers !== undefined && node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'))
      );
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', 'release/**', 'test-results/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { layers: { rules: { 'import-direction': importDirection } } },
    rules: {
      'layers/import-direction': 'error',
      'no-restricted-imports': ['error', { paths: [electronOnlyInTwoFiles] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Async mistakes that silently lose errors or run out of order; type information makes these decidable.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // Plain JS build scripts are in no tsconfig; they get the syntax rules only.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
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
              // Relative imports are checked by layers/import-direction (they must stay inside shared/).
              regex: '^(?!zod$|\\.)',
              message: 'shared/ is pure TypeScript: it may import only zod and files in shared/.',
            },
          ],
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
          patterns: [{ regex: '^node:', message: 'The renderer runs in a browser: no Node built-ins.' }],
        },
      ],
    },
  },
);
