"""Rich text for a headless client: internal links become the client's own paths ("/about/")."""

from __future__ import annotations

import nh3
from django.utils.html import escape
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.pages import PageLinkHandler

# What an editor's rich text may hold once it leaves the server: Wagtail's editor features, nothing executable.
# Sanitised here (not only in our client) so every API client can render `html` as it is.
TAGS = {"p", "br", "hr", "h2", "h3", "h4", "b", "strong", "i", "em", "u", "s", "sub", "sup", "code", "blockquote",
        "ul", "ol", "li", "a", "img"}  # fmt: skip
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise(html: str) -> str:
    """Allowed tags and attributes only; links to http(s), mailto, tel or our own paths, with rel="noopener noreferrer"."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


# Joins many rich-text fields so their links are resolved in one pass (one query per link type, not per field).
_BOUNDARY = "<!--serveflow:rich-text-boundary-->"


def headless_path(page: Page) -> str | None:
    """The page's path relative to the root of the site it belongs to ("/" for the root), or None if in no site."""
    for root in Site.get_site_root_paths():
        if page.url_path.startswith(root.root_path):
            return "/" + page.url_path[len(root.root_path) :]
    return None


class HeadlessPageLinkHandler(PageLinkHandler):
    """`<a linktype="page" id="…">` → `<a href="/client/path/">`; links to pages outside every site lose their href."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = {str(page.id): page for page in Page.objects.filter(id__in=ids).only("id", "url_path")}
        return [pages.get(str(id_)) for id_ in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        links = []
        for page in cls.get_many(attrs_list):
            path = headless_path(page) if page else None
            links.append(f'<a href="{escape(path)}">' if path else "<a>")
        return links


def expand_many(sources: list[str]) -> list[str]:
    """Expand several stored rich-text fields to HTML at once; the result matches `sources` one to one."""
    if not sources:
        return []
    return [sanitise(html) for html in expand_db_html(_BOUNDARY.join(sources)).split(_BOUNDARY)]
