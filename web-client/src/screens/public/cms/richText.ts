/**
 * Rich text from the CMS, reduced to an allow-list before it is put in the page. Wagtail's editor only stores
 * these elements anyway; the client still refuses anything else, because a script on our origin could read the
 * API token (see auth/tokenStore.ts): no script, no event handlers, no styles, only http(s)/mailto/tel/relative links.
 */
const ALLOWED = new Set(["P", "BR", "H2", "H3", "H4", "B", "STRONG", "I", "EM", "OL", "UL", "LI", "A", "HR", "BLOCKQUOTE"]);
// Elements dropped with everything inside them (the rest of an unknown element's text is kept).
const DROPPED = new Set(["SCRIPT", "STYLE", "IFRAME", "OBJECT", "EMBED", "TEMPLATE", "NOSCRIPT", "SVG", "MATH", "FORM", "INPUT", "TEXTAREA", "SELECT", "BUTTON"]);
const SAFE_HREF = /^(?:https?:|mailto:|tel:|\/(?!\/)|#)/i;

export function sanitizeRichText(html: string, parser: DOMParser = new DOMParser()): string {
  // DOMParser builds an inert document: nothing in it runs or loads.
  const body = parser.parseFromString(`<!doctype html><body>${html}`, "text/html").body;
  clean(body);
  return body.innerHTML;
}

function clean(parent: Element) {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === 3) continue; // text
    if (node.nodeType !== 1) {
      node.remove(); // comments, processing instructions
      continue;
    }
    const element = node as Element;
    if (DROPPED.has(element.tagName)) {
      element.remove();
      continue;
    }
    clean(element);
    if (!ALLOWED.has(element.tagName)) {
      element.replaceWith(...Array.from(element.childNodes));
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      const keep = element.tagName === "A" && attribute.name === "href" && SAFE_HREF.test(attribute.value.trim());
      if (!keep) element.removeAttribute(attribute.name);
    }
  }
}
