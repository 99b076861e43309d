import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
/** Where `vite` (dev) and `vite preview` send /api; the server's default port unless overridden. */
const apiTarget = process.env.BIDFLOW_API_URL ?? 'http://127.0.0.1:3000';

/**
 * The web app lives in web/ and is served from web/dist by the Fastify server in production.
 * In development `vite --config web/vite.config.ts` proxies /api to the server on port 3000
 * (or BIDFLOW_API_URL).
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // web/bundle-report.ts reads the manifest to measure what the login page + shell load.
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
