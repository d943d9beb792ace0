import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Two pages from one build: the console (index.html), served by the Cordon server at /console/
 * (SPA fallback to index.html), and the public portal (portal.html), served at /. Each page has
 * its own entry, so the public downloads the portal and the shared libraries, never console code.
 * Assets of both live under /console/assets/ (one base for the whole build).
 */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      input: {
        console: resolve(import.meta.dirname, 'index.html'),
        portal: resolve(import.meta.dirname, 'portal.html'),
      },
    },
  },
  server: {
    // `npm run -w @cordon/web dev` against a server started with `npm start` (default port 3000).
    proxy: { '/api': process.env.CORDON_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
