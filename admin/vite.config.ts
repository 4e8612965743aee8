import { defineConfig } from 'vite';

/** The newsroom app: built into dist/admin and served by the server under /admin/. */
export default defineConfig({
  root: 'admin',
  base: '/admin/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
