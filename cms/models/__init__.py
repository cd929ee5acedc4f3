"""Content the marketing and admin staff edit in Wagtail, one module per kind of content."""

from .categories import PricingModel, ServiceCategory, ServiceCategoryQuerySet
from .pages import HomePage, LandingPage
from .previews import PreviewSnapshot
from .site_settings import BrandingSettings, PlatformSettings
from .themes import Theme

__all__ = [
    "BrandingSettings",
    "HomePage",
    "LandingPage",
    "PlatformSettings",
    "PreviewSnapshot",
    "PricingModel",
    "ServiceCategory",
    "ServiceCategoryQuerySet",
    "Theme",
]
