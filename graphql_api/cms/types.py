"""GraphQL types of the CMS: site branding and terms, theme, categories, images."""

from __future__ import annotations

from enum import Enum
from urllib.parse import urljoin, urlsplit

import strawberry
import strawberry_django
from django.conf import settings
from strawberry import Info, relay
from wagtail.images.models import AbstractImage

from cms import renditions
from cms.models import BrandingSettings, PlatformSettings, PricingModel, ServiceCategory, Theme
from cms.settings import platform_settings
from graphql_api.money import Money
from marketplace.visibility import visible_categories

from ..visibility import guarded_by

ImageSpec = strawberry.enum(
    Enum("ImageSpec", {name: name for name in renditions.IMAGE_SPECS}),
    description="Allow-listed image sizes: " + ", ".join(f"{name} ({spec})" for name, spec in renditions.IMAGE_SPECS.items()),
)
PricingModelEnum = strawberry.enum(PricingModel, name="PricingModel")


@strawberry.type(name="Image", description="A rendition of an image at one of the allow-listed sizes.")
class ImageType:
    source: strawberry.Private[str]  # the storage's URL: absolute (S3, CDN) or a path under MEDIA_URL
    width: int
    height: int
    alt: str

    @strawberry.field(description="Absolute URL of the rendition.")
    def url(self, info: Info) -> str:
        if urlsplit(self.source).scheme:
            return self.source
        # Where this request reached us (any port locally, the public host behind the proxy in production).
        request = getattr(info.context, "request", None)
        if hasattr(request, "build_absolute_uri"):
            return request.build_absolute_uri(self.source)
        return urljoin(settings.WAGTAILADMIN_BASE_URL, self.source)


def image_of(image: AbstractImage | None, spec: Enum, alt: str | None = None) -> ImageType | None:
    """The rendition of `image` for `spec` (None if no image, or its file cannot be read)."""
    if image is None:
        return None
    rendition = renditions.rendition(image, spec.value)
    if rendition is None:
        return None
    return ImageType(
        source=rendition.url, width=rendition.width, height=rendition.height, alt=image.default_alt_text if alt is None else alt
    )


def currency_of(info: Info) -> str:
    """The platform currency, read once per operation (categories print prices in it)."""
    request = info.context.request
    if not hasattr(request, "_serveflow_currency"):
        request._serveflow_currency = platform_settings().currency_code.lower()  # Money uses Stripe's lower case
    return request._serveflow_currency


@strawberry_django.type(ServiceCategory, name="ServiceCategory", fields=["name", "slug", "description", "sort_order"])
class ServiceCategoryType(relay.Node):
    """A kind of service, as last published. Only live, active categories reach the API."""

    get_queryset = guarded_by(visible_categories)

    @strawberry_django.field
    def pricing_model(self) -> PricingModelEnum:
        return PricingModel(self.pricing_model)

    @strawberry_django.field(description="Typical price in the platform currency.")
    def base_price(self, info: Info) -> Money:
        return Money(amount=self.base_price, currency=currency_of(info))

    @strawberry_django.field(description="Lower-cased words used by matching and the AI intake.")
    def keywords(self) -> list[str]:
        return self.keyword_list

    @strawberry_django.field
    def icon(self, spec: ImageSpec = ImageSpec.ICON) -> ImageType | None:
        return image_of(self.icon, spec)


@strawberry.type(name="Theme", description="The published version of the site's active theme. Colours are #RRGGBB.")
class ThemeType:
    name: str
    primary_color: str
    secondary_color: str
    accent_color: str
    background_color: str
    text_color: str
    font_family: str = strawberry.field(description="A CSS font-family list.")
    corner_radius: int = strawberry.field(description="Pixels.")
    glass_effect: bool

    @classmethod
    def of(cls, theme: Theme) -> ThemeType:
        return cls(
            name=theme.name,
            primary_color=theme.primary_colour,
            secondary_color=theme.secondary_colour,
            accent_color=theme.accent_colour,
            background_color=theme.background_colour,
            text_color=theme.text_colour,
            font_family=theme.font_family,
            corner_radius=theme.corner_radius,
            glass_effect=theme.glass_effect,
        )


@strawberry.type(name="Currency")
class CurrencyType:
    code: str = strawberry.field(description="ISO 4217, e.g. USD.")
    symbol: str


@strawberry.type(name="Site", description="Branding, money terms, maintenance state and theme of one site.")
class SiteType:
    hostname: str
    platform_name: str
    support_email: str
    currency: CurrencyType
    commission_rate_bps: int = strawberry.field(description="Platform commission in basis points (2000 = 20.00%).")
    tax_rate_bps: int = strawberry.field(description="Tax in basis points.")
    auto_release_hours: int
    payment_expiry_minutes: int
    maintenance_mode: bool
    maintenance_message: str | None = strawberry.field(description="Shown while maintenanceMode is on; null otherwise.")
    theme: ThemeType | None
    _logo: strawberry.Private[AbstractImage | None]

    @strawberry.field
    def logo(self, spec: ImageSpec = ImageSpec.LOGO) -> ImageType | None:
        return image_of(self._logo, spec)

    @classmethod
    def of(cls, hostname: str, branding: BrandingSettings, platform: PlatformSettings) -> SiteType:
        theme = branding.active_theme
        return cls(
            hostname=hostname,
            platform_name=branding.platform_name,
            support_email=branding.support_email,
            currency=CurrencyType(code=platform.currency_code, symbol=platform.currency_symbol),
            commission_rate_bps=platform.commission_rate_bps,
            tax_rate_bps=platform.tax_rate_bps,
            auto_release_hours=platform.auto_release_hours,
            payment_expiry_minutes=platform.payment_expiry_minutes,
            maintenance_mode=platform.maintenance_mode,
            maintenance_message=platform.maintenance_message if platform.maintenance_mode else None,
            theme=ThemeType.of(theme) if theme is not None and theme.live else None,
            _logo=branding.logo,
        )
