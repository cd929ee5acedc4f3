// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { sanitizeRichText } from "./richText";

describe("rich text from the CMS", () => {
  it("keeps Wagtail's rich-text elements and our links", () => {
    const html = '<h2>For professionals</h2><p>Read <a href="/become-a-provider/">how providers get verified</a> <b>today</b>.</p><ul><li>one</li></ul><hr><blockquote>q</blockquote>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it("removes scripts, styles, handlers and script URLs", () => {
    const html =
      '<p onclick="steal()" style="color:red">Hi<script>steal()</script><img src=x onerror="steal()"></p>' +
      '<a href="javascript:steal()">bad</a><a href=" JAVASCRIPT:steal()">bad too</a><iframe src="https://evil.example"></iframe><style>*{}</style>';
    expect(sanitizeRichText(html)).toBe("<p>Hi</p><a>bad</a><a>bad too</a>");
  });

  it("unwraps unknown elements but keeps their text", () => {
    expect(sanitizeRichText('<div class="x"><span>kept <em>words</em></span></div><!-- note -->')).toBe("kept <em>words</em>");
  });

  it("keeps http(s), mailto, tel, relative and fragment links only", () => {
    const links = ["https://a.example/", "http://a.example/", "mailto:a@b.example", "tel:+1234", "/p/", "#top"].map((href) => `<a href="${href}">x</a>`).join("");
    expect(sanitizeRichText(links)).toBe(links);
    expect(sanitizeRichText('<a href="//evil.example/">x</a><a href="data:text/html,x">y</a>')).toBe("<a>x</a><a>y</a>");
  });
});
