import { defineConfig } from "vitest/config";

// Unit tests: logic with no browser (auth storage, reconnect/resume, money). End-to-end: vitest.e2e.config.ts.
export default defineConfig({
  test: { include: ["src/**/*.test.{ts,tsx}"], environment: "node" },
});
