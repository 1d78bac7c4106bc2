import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite reads its config from the default export; this is the one place a default export is required.
export default defineConfig({
  root,
  // Relative asset paths so the same build loads from file:// in Electron and from /, behind the token URL, in browser mode.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // CSP is `script-src 'self'; style-src 'self'`: never inline assets into the HTML as data: URLs or <style>.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
});
