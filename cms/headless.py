"""What the headless API reads: the site for a hostname, the live page at a path, and a page's content loaded in a
fixed number of queries however many blocks and images it has."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site

from cms.models import BrandingSettings, PlatformSettings, ServiceCategory
from cms.renditions import attach_renditions
from cms.rich_text import expand_many

MAX_PATH_LENGTH = 500


def find_site(hostname: str | None) -> Site | None:
    """The site serving `hostname`, else the default site (as Wagtail itself falls back)."""
    sites = Site.objects.select_related("root_page").order_by("-is_default_site", "port")
    site = sites.filter(hostname=hostname).first() if hostname else None
    return site or sites.filter(is_default_site=True).first()


def site_settings(site: Site) -> tuple[BrandingSettings, PlatformSettings]:
    branding, _ = BrandingSettings.objects.select_related("logo", "active_theme").get_or_create(site=site)
    platform, _ = PlatformSettings.objects.get_or_create(site=site)
    return branding, platform


def live_page(site: Site, path: str) -> Page | None:
    """The published, public page at `path` under the site's root ("/" is the root), as its specific class.

    Drafts are never returned: a live page is served as last published; unpublished pages, pages outside the site
    and pages behind a view restriction (private) are None, exactly like a path that does not exist.
    """
    if len(path) > MAX_PATH_LENGTH:
        return None
    parts = [part for part in path.split("/") if part]
    url_path = site.root_page.url_path + "".join(f"{part}/" for part in parts)
    return Page.objects.live().public().filter(url_path=url_path).specific().first()


@dataclass
class PageContent:
    """A page with everything its blocks refer to already loaded."""

    page: Page
    blocks: list = field(default_factory=list)
    categories: list[ServiceCategory] = field(default_factory=list)
    rich_text_html: dict[str, str] = field(default_factory=dict)  # block id → expanded HTML


def _images_in(value: Any) -> Iterator[AbstractImage]:
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StructValue | dict):
        for child in value.values():
            yield from _images_in(child)
    elif isinstance(value, ListValue | list | tuple):
        for child in value:
            yield from _images_in(child)


def load_page_content(page: Page, *, extra_images: Iterable[AbstractImage | None] = ()) -> PageContent:
    """Load the page's blocks with a fixed number of queries: one per block type that references other rows
    (Wagtail's bulk_to_python), one for the categories, one for all renditions, one per rich-text link type."""
    body: StreamValue | None = getattr(page, "body", None)
    blocks = list(body) if body is not None else []
    content = PageContent(page=page, blocks=blocks)
    images = list(extra_images)
    rich_text = []
    for block in blocks:
        if block.block_type == "category_grid" and not content.categories:
            content.categories = list(ServiceCategory.objects.available().select_related("icon"))
            images += [category.icon for category in content.categories]
        elif block.block_type == "rich_text":
            rich_text.append(block)
        images += list(_images_in(block.value))
    attach_renditions(images)
    for block, html in zip(rich_text, expand_many([block.value.source for block in rich_text]), strict=True):
        content.rich_text_html[block.id] = html
    return content
