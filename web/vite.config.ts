/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const sdkSource = fileURLToPath(new URL("../clients/typescript/src/index.ts", import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The SDK is compiled from its source with the app, so the two cannot disagree and no
    // separate SDK build has to be kept fresh.
    alias: { "@mentora/client": sdkSource },
  },
  build: {
    // Where `mentora serve` finds the app (and what the wheel carries).
    outDir: fileURLToPath(new URL("../src/mentora/_web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  server: {
    // `npm run dev`: the API from `./scripts/serve` on the same origin, as in production.
    // Host kept as the browser sent it: the API refuses a cookie refresh from another origin.
    proxy: { "/v1": { target: "http://127.0.0.1:8000", changeOrigin: false } },
  },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "jsdom",
  },
});
