import { defineConfig } from 'vite';

/** Where `npm run dev:admin` sends API and media requests: a server from `npm start`. */
const API_SERVER = 'http://127.0.0.1:3000';

/** The newsroom app: built into dist/admin and served by the server under /admin/. */
export default defineConfig({
  root: 'admin',
  base: '/admin/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    // Maps are written beside the bundle for debugging, but the bundle does not point at them:
    // the server hands them out only outside production (src/http/admin/admin-routes.ts).
    sourcemap: 'hidden',
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': API_SERVER,
      '/media': API_SERVER,
      '/favicon.svg': API_SERVER,
      '/admin/setup': API_SERVER,
    },
  },
});
