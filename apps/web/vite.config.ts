/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Dev: `npm run dev` serves on :5173 and proxies /api to the API (`npm run dev:api` at the root, :3000).
// Production: `npm run build` writes dist/, which the API serves on its own port (apps/api/src/web-app.ts).
const api = process.env.TOURONG_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { '/api': { target: api, changeOrigin: true } } },
  build: {
    // antd is one large vendor chunk by nature; pages are lazy routes (see src/App.tsx).
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20_000,
  },
});
