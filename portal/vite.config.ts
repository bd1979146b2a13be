import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Static files only: no CDN, no external font, nothing fetched at run time but /config.json and the
// gateway it names, so the portal works on a closed network.
export default defineConfig({
  plugins: [react()],
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
