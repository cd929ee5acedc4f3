"""Wagtail admin: the Gemini key vault and the AI call log, under one "AI" menu, for platform admins only."""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .forms import GeminiKeyForm
from .models import AiCall, GeminiKey
from .permissions import PlatformAdminsOnly

register_permission_policy(GeminiKey, PlatformAdminsOnly(GeminiKey), exact_class=True)
# Read-only: the log is written by the code, never edited.
register_permission_policy(AiCall, PlatformAdminsOnly(AiCall, actions={"view"}), exact_class=True)


class GeminiKeyViewSet(ModelViewSet):
    model = GeminiKey
    icon = "key"
    # Secrets never appear: `masked` is "…" + the last four characters.
    list_display = ["label", "masked", "is_active", "cooldown_until", "last_used_at", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["label"]
    ordering = ["id"]
    copy_view_enabled = False
    add_to_reference_index = False
    edit_handler = ObjectList([FieldPanel("label"), FieldPanel("api_key"), FieldPanel("is_active")], base_form_class=GeminiKeyForm)


class AiCallViewSet(ModelViewSet):
    model = AiCall
    icon = "list-ul"
    menu_label = "AI call log"
    list_display = ["created_at", "purpose", "outcome", "key", "http_status", "latency_ms", "total_tokens", "cooldown_seconds"]
    list_filter = ["purpose", "outcome"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    add_to_reference_index = False
    exclude_form_fields = []


class AiViewSetGroup(ViewSetGroup):
    menu_label = "AI"
    menu_icon = "pick"
    items = (GeminiKeyViewSet("ai_keys"), AiCallViewSet("ai_calls"))


@hooks.register("register_admin_viewset")
def register_ai_viewsets():
    return AiViewSetGroup()
