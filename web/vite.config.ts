import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is served by the Cordon server at /console/ (SPA fallback to index.html). */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    // `npm run -w @cordon/web dev` against a server started with `npm start` (default port 3000).
    proxy: { '/api': process.env.CORDON_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
