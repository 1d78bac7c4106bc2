import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bundles live in dist/electron/; the built renderer beside them in dist/renderer/. */
export const rendererDir = (fromUrl: string) => join(dirname(fileURLToPath(fromUrl)), '..', 'renderer');
