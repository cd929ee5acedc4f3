/**
 * For unit tests: an HTTP GraphQL server on loopback that executes the API's exported schema
 * (web-client/schema.graphql) with the given root resolvers, so the real urql client and documents run.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";

import { buildSchema, graphql } from "graphql";

// A path, not a URL: under the jsdom environment `URL` is jsdom's, which node:fs does not take.
const schema = buildSchema(readFileSync(resolve(import.meta.dirname, "../../schema.graphql"), "utf8"));

export interface LoopbackApi {
  url: string;
  requests: IncomingHttpHeaders[];
  close(): Promise<void>;
}

export async function startLoopbackApi(rootFor: (headers: IncomingHttpHeaders) => Record<string, unknown>): Promise<LoopbackApi> {
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", async () => {
      requests.push(request.headers);
      const { query, variables } = JSON.parse(body);
      const result = await graphql({ schema, source: query, variableValues: variables, rootValue: rootFor(request.headers) });
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL on which nothing listens (the API is down). */
export async function deadUrl(): Promise<string> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql/`;
}
