import { describe, expect, it } from "vitest";

import { nextAfterSignIn } from "../RegisterScreen";
import { categoryStartLink, clientLink, isAppPath } from "./links";

const origin = "https://serveflow.example";

describe("links from the CMS", () => {
  it("routes links to our pages inside the app", () => {
    expect(clientLink({ url: "/become-a-provider/", isExternal: false }, origin)).toEqual({ kind: "internal", to: "/become-a-provider/" });
  });

  it("routes absolute links to the client's own origin inside the app, except server paths", () => {
    expect(clientLink({ url: "https://serveflow.example/register?category=plumbing", isExternal: true }, origin)).toEqual({ kind: "internal", to: "/register?category=plumbing" });
    expect(clientLink({ url: "https://serveflow.example/documents/3/terms.pdf", isExternal: true }, origin)).toEqual({ kind: "external", href: "https://serveflow.example/documents/3/terms.pdf" });
  });

  it("leaves other sites as plain links and refuses script URLs", () => {
    expect(clientLink({ url: "https://serveflow.local/requests/new", isExternal: true }, origin)).toEqual({ kind: "external", href: "https://serveflow.local/requests/new" });
    expect(clientLink({ url: "mailto:help@serveflow.example", isExternal: true }, origin)).toEqual({ kind: "external", href: "mailto:help@serveflow.example" });
    expect(clientLink({ url: "javascript:alert(1)", isExternal: true }, origin)).toBeNull();
    expect(clientLink({ url: "data:text/html,hi", isExternal: true }, origin)).toBeNull();
  });

  it("knows which paths the server answers itself", () => {
    for (const path of ["/", "/services", "/become-a-provider/", "/app/customer", "/graphqlish"]) expect(isAppPath(path), path).toBe(true);
    for (const path of ["/graphql/", "/cms/", "/media/x.png", "/documents/1/a.pdf", "/invoices/t/pdf", "//evil.example", "https://x"]) expect(isAppPath(path), path).toBe(false);
  });
});

describe("starting a request from a category", () => {
  it("sends visitors to create an account, customers to a new request, and nobody else anywhere", () => {
    expect(categoryStartLink("plumbing", null)).toBe("/register?category=plumbing");
    expect(categoryStartLink("plumbing", "CUSTOMER")).toBe("/app/customer/requests/new?category=plumbing");
    expect(categoryStartLink("plumbing", "PROVIDER")).toBeNull();
    expect(categoryStartLink("plumbing", "ADMIN")).toBeNull();
    expect(categoryStartLink("a&b c", null)).toBe("/register?category=a%26b%20c");
  });

  it("carries the category through registration to the new request, for customers only", () => {
    expect(nextAfterSignIn("CUSTOMER", "painting")).toBe("/app/customer/requests/new?category=painting");
    expect(nextAfterSignIn("PROVIDER", "painting")).toBeNull();
    expect(nextAfterSignIn("CUSTOMER", null)).toBeNull();
  });
});
