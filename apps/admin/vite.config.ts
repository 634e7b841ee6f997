import { svelte } from "@sveltejs/vite-plugin-svelte"
import { defaultClientConditions, defineConfig } from "vite"

/**
 * The admin SPA. Built into `dist/`, which the Fastify API serves at `/`, so every API call is a
 * same-origin relative URL (`/api/...`). In development the Vite server proxies `/api` to the API.
 */
export default defineConfig({
  base: "/",
  plugins: [svelte()],
  resolve: {
    // Bundle workspace packages (`@fundguard/domain`) from their TypeScript sources.
    conditions: ["@fundguard/source", ...defaultClientConditions]
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022"
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false }
    }
  },
  preview: {
    port: 4173,
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false }
    }
  }
})
