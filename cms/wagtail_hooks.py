"""How the CMS content appears in the Wagtail admin."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.deletion import protected_by
from cms.models import PlatformSettings, ServiceCategory, Theme
from cms.moderation import apply_editorial_policy
from cms.rich_text import HeadlessPageLinkHandler


class ServiceCategoryFilterSet(WagtailFilterSet):
    class Meta:
        model = ServiceCategory
        fields = ["is_active", "pricing_model", "live"]


class ServiceCategoryViewSet(SnippetViewSet):
    model = ServiceCategory
    icon = "tag"
    menu_label = "Categories"
    menu_order = 200
    add_to_admin_menu = True
    # Columns of the listing; the drag handle reorders (sets sort_order, which the API orders by).
    list_display = ["name", "pricing_model", "base_price", BooleanColumn("is_active", label="Active"), "live"]
    list_export = ["name", "slug", "pricing_model", "base_price", "keywords", "is_active", "sort_order"]
    search_fields = ["name", "keywords"]
    filterset_class = ServiceCategoryFilterSet
    sort_order_field = "sort_order"
    ordering = ["sort_order", "name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "palette"
    menu_label = "Themes"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "primary_colour", "font_family", "live"]
    search_fields = ["name"]


register_snippet(ServiceCategoryViewSet)
register_snippet(ThemeViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_what_is_in_use(request, instances):
    """A category (or theme) that other rows protect is archived, not deleted."""
    blocked = [(instance, protected_by(instance)) for instance in instances]
    blocked = [(instance, rows) for instance, rows in blocked if rows]
    if not blocked:
        return None
    for instance, rows in blocked:
        hint = " Untick \u201cActive\u201d to archive it instead." if isinstance(instance, ServiceCategory) else ""
        messages.error(request, f"\u201c{instance}\u201d cannot be deleted: {len(rows)} record(s) still use it.{hint}")
    return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")


# After Wagtail's own registration (order 0), so internal links in rich text resolve to the client's paths.
@hooks.register("register_rich_text_features", order=100)
def register_headless_page_links(features):
    features.register_link_type(HeadlessPageLinkHandler)


@hooks.register("after_edit_setting")
def follow_the_editorial_setting(request, instance):
    """Saving platform settings on the default site gives or takes the editors' publish permissions."""
    if isinstance(instance, PlatformSettings) and instance.site.is_default_site:
        apply_editorial_policy(instance.editors_publish_directly)


# Platform money terms edited in the CMS reach the audit log: the before hook keeps the stored values (the form has not
# bound yet), the after hook (run only once the edit saved) records what changed, by whom, from where.
AUDITED_SETTINGS = {
    "platformsettings": ("currency_code", "currency_symbol", "commission_rate_bps", "tax_rate_bps", "editors_publish_directly")
}


@hooks.register("before_edit_setting")
def remember_setting_values(request, instance):
    fields = AUDITED_SETTINGS.get(instance._meta.model_name)
    if fields and request.method == "POST":
        request._audited_setting_before = {field: getattr(instance, field) for field in fields}


@hooks.register("after_edit_setting")
def audit_setting_change(request, instance):
    before = getattr(request, "_audited_setting_before", None)
    if before is None:
        return
    from marketplace.audit.services import record

    changes = {f: {"from": old, "to": getattr(instance, f)} for f, old in before.items() if getattr(instance, f) != old}
    if changes:
        record("settings.platform_changed", instance, actor=request.user, data={"site": instance.site_id, "changes": changes})
