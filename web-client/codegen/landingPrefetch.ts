/**
 * Vite build plugin: index.html starts the queries every visit begins with (the site, and the home page on "/")
 * in a tiny inline script, while the app's bundle is still downloading. The content client picks the responses up
 * (src/graphql/prefetch.ts). The requests are the app's own generated documents, printed at build time.
 */
import { readFileSync } from "node:fs";

import { formatDocument, stringifyDocument } from "@urql/core";
import type { DocumentNode } from "graphql";
import type { Plugin } from "vite";

import { GRAPHQL_PATH } from "../src/graphql/api";
import { PREFETCH_GLOBAL, prefetchKey } from "../src/graphql/prefetch";
import { documentModule } from "./documentsPerChunk";

export interface Prefetch {
  /** The generated document's export name, e.g. "SiteDocument". */
  document: string;
  variables?: Record<string, unknown>;
  /** Only when the page's path is this one (default: on every path). */
  path?: string;
}

interface Request {
  key: string;
  body: string;
  path?: string;
}

/** The operation name and query of a generated document, as urql sends it (its cache adds __typename fields). */
function printedDocument(generated: string, name: string): { operationName: string; query: string } {
  const json = documentModule(generated, name).replace(/^export const \w+ = /, "").replace(/;\n$/, "");
  const document = JSON.parse(json) as DocumentNode;
  const operation = document.definitions.find((definition) => definition.kind === "OperationDefinition");
  if (!operation || operation.kind !== "OperationDefinition" || !operation.name) throw new Error(`${name} is not a named operation`);
  return { operationName: operation.name.value, query: stringifyDocument(formatDocument(document)) };
}

export function prefetchRequests(generated: string, prefetches: readonly Prefetch[]): Request[] {
  return prefetches.map(({ document, variables = {}, path }) => {
    const { operationName, query } = printedDocument(generated, document);
    return { key: prefetchKey(operationName, variables), body: JSON.stringify({ operationName, query, variables }), path };
  });
}

/** The inline script: starts each request (on its path) and keeps the response promise under its key. */
export function prefetchScript(requests: readonly Request[], url = GRAPHQL_PATH): string {
  const calls = requests
    .map(({ key, body, path }) => `${path ? `if(location.pathname===${JSON.stringify(path)})` : ""}get(${JSON.stringify(key)},${JSON.stringify(body)});`)
    .join("");
  // Rejections are handled by whoever takes the response; the no-op catch only keeps an unused one from being reported.
  return (
    `(function(){var p=window[${JSON.stringify(PREFETCH_GLOBAL)}]={};function get(k,b){` +
    `p[k]=fetch(${JSON.stringify(url)},{method:"POST",headers:{"Content-Type":"application/json",Accept:"application/graphql-response+json, application/json"},body:b});` +
    `p[k].catch(function(){});}${calls}})();`
  ).replace(/<\//g, "<\\/"); // nothing in the data may close the <script> element
}

export function landingPrefetch({ generatedFile, prefetches }: { generatedFile: string; prefetches: readonly Prefetch[] }): Plugin {
  return {
    name: "serveflow:landing-prefetch",
    apply: "build",
    transformIndexHtml() {
      const script = prefetchScript(prefetchRequests(readFileSync(generatedFile, "utf8"), prefetches));
      return [{ tag: "script", children: script, injectTo: "head-prepend" }];
    },
  };
}
