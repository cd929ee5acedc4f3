"""Pages the web client renders: a home page and landing pages built from StreamField blocks.

The site is headless: Wagtail never renders these for visitors. `serve` sends visitors to the client, and
`serve_preview` hands the draft to the client's preview route (see `cms.previews`).
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.blocks import page_body_blocks


class HeadlessPage(Page):
    body = StreamField(page_body_blocks(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        from cms.rich_text import headless_path

        return redirect(settings.CLIENT_URL.rstrip("/") + (headless_path(self) or "/"))

    def serve_preview(self, request, mode_name):
        from cms import previews

        token = previews.issue_preview(self)
        return TemplateResponse(request, "cms/previews/page.html", {"page": self, "preview_url": previews.client_preview_url(token)})


class HomePage(HeadlessPage):
    """The root of a site: what `page(path: "/")` returns."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.LandingPage"]


class LandingPage(HeadlessPage):
    """A campaign or information page under the home page (e.g. /plumbing-in-lahore/)."""

    parent_page_types = ["cms.HomePage", "cms.LandingPage"]
    subpage_types = ["cms.LandingPage"]
