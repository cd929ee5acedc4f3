import { defineConfig } from "vitest/config";

// Unit tests: logic with no browser (auth storage, reconnect/resume, money). End-to-end: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "codegen/**/*.test.ts"],
    environment: "node",
    // One copy of graphql-js: the loopback graphql-ws server must see the same module as the tests' schema.
    server: { deps: { inline: ["graphql-ws"] } },
  },
});
