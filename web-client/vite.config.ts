import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

import { documentsPerChunk } from "./codegen/documentsPerChunk";
import { landingPrefetch } from "./codegen/landingPrefetch";

const generatedFile = fileURLToPath(new URL("./src/gql/graphql.ts", import.meta.url));

// `npm run dev` proxies the API to a backend started with `make run` (or BACKEND_URL).
const backend = process.env.BACKEND_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [
    // Each chunk gets only its own GraphQL documents (see the plugin); the landing page none of the dashboards'.
    documentsPerChunk({ generatedFile, sourceDir: fileURLToPath(new URL("./src/", import.meta.url)) }),
    // index.html starts the site query (and the home page's on "/") while the bundle downloads.
    landingPrefetch({
      generatedFile,
      prefetches: [
        { document: "SiteDocument" },
        { document: "PublicPageDocument", variables: { path: "/" }, path: "/" },
      ],
    }),
    react(),
  ],
  build: { target: "es2022", sourcemap: false, assetsDir: "assets" },
  server: {
    proxy: {
      // The proxy keeps the Host header, so the API sees the websocket as same-origin and accepts it.
      "/graphql/": { target: backend, ws: true },
      "/media/": backend,
    },
  },
});
