import type { Role } from "../../shell/navigation";

/**
 * Where a link from the CMS goes in the client. The API marks links to our own pages as client paths
 * (`isExternal: false`, "/about/"); an absolute URL on the client's own origin (how editors reach app routes such
 * as /register, since the CMS only takes pages or absolute URLs) is followed inside the app as well.
 */
export type ClientLink = { kind: "internal"; to: string } | { kind: "external"; href: string };

// Paths the server answers itself (settings/web_client.py SERVER_PATHS, plus invoices): never routed in the app.
const SERVER_PATH = /^\/(?:graphql|cms|healthz|static|media|documents|pages|webhooks|assets|invoices)(?:[/?#]|$)/;

/** A path of ours that the app routes (not a file or API path the server answers). */
export function isAppPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !SERVER_PATH.test(path);
}

/** null for a URL the client will not follow (javascript:, data:, garbage). */
export function clientLink(link: { url: string; isExternal: boolean }, origin: string): ClientLink | null {
  if (!link.isExternal && isAppPath(link.url)) return { kind: "internal", to: link.url };
  try {
    const url = new URL(link.url, origin);
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (url.origin === origin && isAppPath(path)) return { kind: "internal", to: path };
    if (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" || url.protocol === "tel:") return { kind: "external", href: url.href };
  } catch {
    /* not a URL */
  }
  return null;
}

/**
 * Where "get started" with a category leads: a customer straight to a new request in it; a visitor to creating an
 * account (the register screen carries the category on to the request after sign-in); other roles nowhere.
 */
export function categoryStartLink(slug: string, role: Role | null | undefined): string | null {
  const category = encodeURIComponent(slug);
  if (!role) return `/register?category=${category}`;
  if (role === "CUSTOMER") return `/app/customer/requests/new?category=${category}`;
  return null;
}
