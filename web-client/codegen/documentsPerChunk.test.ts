import { describe, expect, it } from "vitest";

import { documentExportName, documentModule, rewriteGraphqlCalls } from "./documentsPerChunk";

const generated = [
  'export const MeDocument = {"kind":"Document","definitions":[]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;',
  'export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition"}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;',
].join("\n");

describe("documents per chunk", () => {
  it("names documents as codegen does", () => {
    expect(documentExportName("\n  query Me {\n me { id } }")).toBe("MeDocument");
    expect(documentExportName("mutation placeBid($a: Int!) { x }")).toBe("PlaceBidDocument");
    expect(documentExportName("# a comment\n subscription JobUpdates { x }")).toBe("JobUpdatesDocument");
    expect(documentExportName("fragment ViewerFields on User { id }")).toBe("ViewerFieldsFragmentDoc");
    expect(() => documentExportName("{ me { id } }")).toThrow(/named operation/);
  });

  it("replaces each graphql() call by an import of its own document module", () => {
    const code = 'import { graphql } from "../gql";\nexport const Me = graphql(`\n  query Me { me { id } }\n`);\nconst again = graphql(`query Me { me { id } }`);\n';
    const rewritten = rewriteGraphqlCalls(code)!;
    expect(rewritten).toContain('import { MeDocument as __graphqlDocument_MeDocument } from "\\u0000graphql-document:MeDocument";');
    expect(rewritten).toContain("export const Me = __graphqlDocument_MeDocument;");
    expect(rewritten).toContain("const again = __graphqlDocument_MeDocument;");
    expect(rewritten.match(/^import \{ MeDocument/gm)).toHaveLength(1);
    expect(rewriteGraphqlCalls("const x = 1;")).toBeNull();
  });

  it("takes the generated document as it is, and fails loudly when it is missing", () => {
    expect(documentModule(generated, "MeDocument")).toBe('export const MeDocument = {"kind":"Document","definitions":[]};\n');
    expect(documentModule(generated, "ViewerFieldsFragmentDoc")).toContain("FragmentDefinition");
    expect(() => documentModule(generated, "GoneDocument")).toThrow(/npm run codegen/);
  });
});
