"""Content queries. All of them answer during maintenance and need no sign-in."""

from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info
from wagtail.models import Page

from cms import headless, previews
from cms.models import ServiceCategory
from cms.renditions import attach_renditions
from cms.rich_text import headless_path

from .blocks import PageBlock, to_graphql
from .types import ServiceCategoryType, SiteType


@strawberry.type(name="Page", description="A published page (or, from pagePreview, a draft) with its typed blocks.")
class PageType:
    id: strawberry.ID
    title: str
    path: str | None = strawberry.field(description='Client path relative to the site root, "/" for the home page.')
    page_type: str = strawberry.field(description="HomePage or LandingPage.")
    seo_title: str = strawberry.field(description="The SEO title, falling back to the title.")
    seo_description: str
    last_published_at: str | None
    blocks: list[PageBlock]

    @classmethod
    def of(cls, page: Page) -> PageType:
        content = headless.load_page_content(page)
        return cls(
            id=strawberry.ID(str(page.pk or "")),
            title=page.title,
            path=headless_path(page) if page.url_path else None,
            page_type=type(page).__name__,
            seo_title=page.seo_title or page.title,
            seo_description=page.search_description or "",
            last_published_at=page.last_published_at.isoformat() if page.last_published_at else None,
            blocks=to_graphql(content),
        )


@strawberry.type
class CmsQuery:
    @strawberry_django.field(description="Branding, money terms, maintenance state and theme of the site for `hostname` (default site).")
    def site(self, hostname: str | None = None) -> SiteType | None:
        site = headless.find_site(hostname)
        if site is None:
            return None
        branding, platform = headless.site_settings(site)
        return SiteType.of(site.hostname, branding, platform)

    @strawberry_django.field(description="Live, active service categories in the editors' order.")
    def categories(self, info: Info) -> list[ServiceCategoryType]:
        categories = list(ServiceCategory.objects.available().select_related("icon"))
        attach_renditions(category.icon for category in categories)
        return categories

    @strawberry_django.field(description='The published, public page at `path` ("/" is the home page) of the site for `hostname`.')
    def page(self, path: str, hostname: str | None = None) -> PageType | None:
        site = headless.find_site(hostname)
        page = headless.live_page(site, path) if site is not None else None
        return PageType.of(page) if page is not None else None

    @strawberry_django.field(description="The draft behind a preview token from Wagtail's Preview button; null if forged or expired.")
    def page_preview(self, token: str) -> PageType | None:
        page = previews.find_preview(token, model=Page)
        return PageType.of(page) if page is not None else None
