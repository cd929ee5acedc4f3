"""Themes: the colours and type the web client paints itself with."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a #RRGGBB colour.", code="INVALID_COLOUR")


def colour_field(default: str, label: str) -> models.CharField:
    return models.CharField(label, max_length=7, default=default, validators=[hex_colour])


def colour_panel(name: str) -> FieldPanel:
    # The browser's own colour picker; the value is still plain #RRGGBB text.
    return FieldPanel(name, widget=forms.TextInput(attrs={"type": "color"}))


class FontFamily(models.TextChoices):
    INTER = "Inter, system-ui, sans-serif", "Inter"
    POPPINS = "Poppins, system-ui, sans-serif", "Poppins"
    ROBOTO = "Roboto, system-ui, sans-serif", "Roboto"
    SERIF = "Merriweather, Georgia, serif", "Merriweather (serif)"
    SYSTEM = "system-ui, sans-serif", "System font"


class Theme(DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model):
    """A look for the web client. The live row is what the API serves; drafts wait in revisions until published.

    The branding settings of each site point at the active theme.
    """

    name = models.CharField(max_length=80, unique=True)
    primary_colour = colour_field("#2563eb", "primary colour")
    secondary_colour = colour_field("#0f172a", "secondary colour")
    accent_colour = colour_field("#f59e0b", "accent colour")
    background_colour = colour_field("#f8fafc", "background colour")
    text_colour = colour_field("#0f172a", "text colour")
    font_family = models.CharField(max_length=80, choices=FontFamily.choices, default=FontFamily.INTER)
    corner_radius = models.PositiveSmallIntegerField(default=12, validators=[MaxValueValidator(48)], help_text="Pixels.")
    glass_effect = models.BooleanField(default=False, help_text="Translucent, blurred panels (\u201cglass\u201d).")

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldRowPanel([colour_panel("primary_colour"), colour_panel("secondary_colour"), colour_panel("accent_colour")]),
                FieldRowPanel([colour_panel("background_colour"), colour_panel("text_colour")]),
            ],
            heading="Colours",
        ),
        FieldPanel("font_family"),
        FieldPanel("corner_radius"),
        FieldPanel("glass_effect"),
        PublishingPanel(),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_preview_template(self, request, mode_name):
        return "cms/previews/theme.html"
