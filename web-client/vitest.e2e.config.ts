import { defineConfig } from "vitest/config";

// End-to-end: the real backend (fresh SQLite, demo data, uvicorn) serving the built client, driven by Chromium.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/backend.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // Web-first: expect.poll re-reads the page until the assertion holds (a loaded machine renders late).
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
