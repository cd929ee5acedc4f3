"""Service categories: what customers ask for and providers offer."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index


class PricingModel(models.TextChoices):
    HOURLY = "HOURLY", "Hourly"
    FIXED = "FIXED", "Fixed price"


class ServiceCategoryQuerySet(models.QuerySet):
    def available(self):
        """What the marketplace offers: published and active, in the editors' order."""
        return self.filter(live=True, is_active=True).order_by("sort_order", "name")


class ServiceCategory(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """A kind of service (Plumbing, Electrical…). Requests and provider skills point here.

    Edited as a Wagtail snippet with drafts and revisions: the live row is what the API serves; a draft lives in
    the latest revision until it is published.
    """

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)
    icon = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    pricing_model = models.CharField(max_length=8, choices=PricingModel.choices, default=PricingModel.FIXED)
    base_price = models.PositiveIntegerField(default=0, help_text="Typical price in minor units of the site currency (e.g. cents).")
    keywords = models.TextField(blank=True, help_text="Comma-separated words used by matching and the AI intake.")
    is_active = models.BooleanField(default=True, help_text="Archived categories stay on old requests but take no new ones.")
    sort_order = models.PositiveIntegerField(default=0, db_index=True)

    objects = ServiceCategoryQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.SearchField("keywords"), index.AutocompleteField("name")]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("icon"),
        FieldPanel("pricing_model"),
        FieldPanel("base_price"),
        FieldPanel("keywords"),
        FieldPanel("is_active"),
        PublishingPanel(),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "service category"
        verbose_name_plural = "service categories"

    def __str__(self) -> str:
        return self.name

    def get_preview_template(self, request, mode_name):
        return "cms/previews/category.html"

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip().lower() for word in self.keywords.split(",") if word.strip()]
