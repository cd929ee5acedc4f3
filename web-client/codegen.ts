import type { CodegenConfig } from "@graphql-codegen/cli";

// Types come from the schema the backend exports (`npm run schema`), so a renamed or removed field
// fails `npm run build` at the operation that uses it.
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: "string", ID: "string" } },
    },
    // Object types without an `id` are embedded values for the normalized cache (payloads, errors, ticks).
    "src/gql/embedded-types.ts": { plugins: ["./codegen/embedded-types.cjs"] },
  },
};

export default config;
