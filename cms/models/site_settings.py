"""Per-site settings, split by who may change them.

`BrandingSettings` is content (editors change it); `PlatformSettings` holds money and operations (commission, tax,
timers, maintenance) and is open to platform admins only (`marketplace.accounts.authority.is_platform_admin`: active,
role ADMIN), whatever Django permissions a group holds. Two models rather than one with a locked panel, because
Wagtail checks settings permissions per model: a hidden panel would still accept a forged POST, a separate model cannot be opened at all.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy

from marketplace.accounts.authority import is_platform_admin, platform_admins

currency_code = RegexValidator(r"^[A-Z]{3}$", "Use an ISO 4217 code such as USD or PKR.", code="INVALID_CURRENCY")
BASIS_POINTS_MAX = 10_000  # 100.00%


@register_setting(icon="image")
class BrandingSettings(BaseSiteSetting):
    """What the client shows as the platform's identity: name, logo, contact, theme."""

    platform_name = models.CharField(max_length=80, default="ServeFlow")
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    support_email = models.EmailField(default="support@serveflow.local")
    active_theme = models.ForeignKey(
        "cms.Theme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The client uses the published version of this theme.",
    )

    panels = [FieldPanel("platform_name"), FieldPanel("logo"), FieldPanel("support_email"), FieldPanel("active_theme")]

    class Meta:
        verbose_name = "branding"
        verbose_name_plural = "branding"


class PlatformAdminsOnlyPerSite(SitePermissionPolicy):
    """Wagtail's site-settings policy with one rule: platform admins may view and change every site's settings,
    nobody else may (a group granted `change_platformsettings` by mistake changes nothing)."""

    def user_has_any_permission(self, user, actions):
        return is_platform_admin(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return is_platform_admin(user)

    def sites_user_has_any_permission_for(self, user, actions):
        return Site.objects.all() if is_platform_admin(user) else Site.objects.none()

    def users_with_any_permission(self, actions):
        return platform_admins()


@register_setting(icon="cog")
class PlatformSettings(BaseSiteSetting):
    """Money and operations. Rates are integer basis points (2000 = 20.00%) so money math stays in integers."""

    currency_code = models.CharField(max_length=3, default="USD", validators=[currency_code])
    currency_symbol = models.CharField(max_length=8, default="$")
    commission_rate_bps = models.PositiveIntegerField(
        "commission rate (basis points)",
        default=2000,
        validators=[MaxValueValidator(BASIS_POINTS_MAX)],
        help_text="Platform share of the job subtotal: 2000 = 20.00%.",
    )
    tax_rate_bps = models.PositiveIntegerField(
        "tax rate (basis points)", default=0, validators=[MaxValueValidator(BASIS_POINTS_MAX)], help_text="1700 = 17.00%."
    )
    auto_release_hours = models.PositiveIntegerField(
        default=72, validators=[MinValueValidator(1)], help_text="Delivered jobs complete automatically after this long."
    )
    payment_expiry_minutes = models.PositiveIntegerField(
        default=30, validators=[MinValueValidator(1)], help_text="Unpaid jobs are cancelled after this long."
    )
    maintenance_mode = models.BooleanField(
        default=False, help_text="While on, marketplace operations fail for everyone but platform admins; content still loads."
    )
    maintenance_message = models.CharField(max_length=255, default="ServeFlow is down for maintenance. Please try again soon.")
    editors_publish_directly = models.BooleanField(
        default=True,
        help_text="Off: editors cannot publish pages or categories; they submit them and a moderator (Moderators or "
        "Platform admins group) approves, which publishes. Platform-wide; the default site's value applies.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("currency_code"), FieldPanel("currency_symbol")], heading="Currency"),
        MultiFieldPanel([FieldPanel("commission_rate_bps"), FieldPanel("tax_rate_bps")], heading="Rates"),
        MultiFieldPanel([FieldPanel("auto_release_hours"), FieldPanel("payment_expiry_minutes")], heading="Timers"),
        MultiFieldPanel([FieldPanel("maintenance_mode"), FieldPanel("maintenance_message")], heading="Maintenance"),
        MultiFieldPanel([FieldPanel("editors_publish_directly")], heading="Editorial moderation"),
    ]

    @classmethod
    def get_permission_policy(cls):
        return PlatformAdminsOnlyPerSite(cls)

    class Meta:
        verbose_name = "platform settings"
        verbose_name_plural = "platform settings"
