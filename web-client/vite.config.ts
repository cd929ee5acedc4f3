import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev` proxies the API to a backend started with `make run` (or BACKEND_URL).
const backend = process.env.BACKEND_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  build: { target: "es2022", sourcemap: false, assetsDir: "assets" },
  server: {
    proxy: {
      // The proxy keeps the Host header, so the API sees the websocket as same-origin and accepts it.
      "/graphql/": { target: backend, ws: true },
      "/media/": backend,
    },
  },
});
