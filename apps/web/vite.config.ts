import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on 127.0.0.1:8080 (npm run dev at the root); Vite proxies /api to it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
