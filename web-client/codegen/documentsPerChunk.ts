/**
 * Vite build plugin: each GraphQL document becomes its own module, so a chunk carries only the documents its
 * screens use.
 *
 * The client preset's `graphql(\`…\`)` looks documents up in a map of every document in the app, and even with
 * codegen's babel optimizer they are all exports of one module (src/gql/graphql.ts) that Rollup must put in one
 * chunk: the landing page would download the documents of every dashboard. Here each call is replaced by an import
 * of a virtual module holding just that document (the same object codegen generated, typed by the same names).
 * Development (`vite` dev server) and tests keep the plain `graphql()` lookup.
 */
import { readFileSync } from "node:fs";

import type { Plugin } from "vite";

const VIRTUAL = "\0graphql-document:";
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

/** The name codegen gives the document object of a definition: `query Me` → MeDocument, `fragment F` → FFragmentDoc. */
export function documentExportName(source: string): string {
  const withoutComments = source.replace(/#[^\n]*/g, "");
  const match = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(withoutComments);
  if (!match) throw new Error(`graphql(): expected a named operation or fragment, got: ${source.trim().slice(0, 60)}`);
  const name = match[2][0].toUpperCase() + match[2].slice(1);
  return match[1] === "fragment" ? `${name}FragmentDoc` : `${name}Document`;
}

/** `code` with every `graphql(\`…\`)` call replaced by an imported document; null when there is none. */
export function rewriteGraphqlCalls(code: string): string | null {
  const names = new Set<string>();
  const rewritten = code.replace(CALL, (_call, source: string) => {
    const name = documentExportName(source);
    names.add(name);
    return `__graphqlDocument_${name}`;
  });
  if (!names.size) return null;
  const imports = [...names].map((name) => `import { ${name} as __graphqlDocument_${name} } from ${JSON.stringify(VIRTUAL + name)};`);
  return `${imports.join("\n")}\n${rewritten}`;
}

/** The document object codegen generated for `name` in src/gql/graphql.ts, as a module of its own. */
export function documentModule(generated: string, name: string): string {
  const line = new RegExp(`^export const ${name} = (\\{.*\\}) as unknown as DocumentNode<.*>;$`, "m").exec(generated);
  if (!line) throw new Error(`${name} is not in src/gql/graphql.ts: run \`npm run codegen\` (or check the document's name)`);
  JSON.parse(line[1]); // codegen writes the document as JSON; anything else must not be pasted into the bundle
  return `export const ${name} = ${line[1]};\n`;
}

export function documentsPerChunk({ generatedFile, sourceDir }: { generatedFile: string; sourceDir: string }): Plugin {
  let generated: string | null = null;
  return {
    name: "serveflow:graphql-documents-per-chunk",
    apply: "build",
    enforce: "pre",
    buildStart() {
      generated = readFileSync(generatedFile, "utf8");
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      return id.startsWith(VIRTUAL) ? documentModule(generated ?? readFileSync(generatedFile, "utf8"), id.slice(VIRTUAL.length)) : null;
    },
    transform(code, id) {
      if (!id.startsWith(sourceDir) || id.includes("/gql/") || !/\.tsx?$/.test(id) || !code.includes("graphql(")) return null;
      const rewritten = rewriteGraphqlCalls(code);
      return rewritten === null ? null : { code: rewritten, map: null };
    },
  };
}
