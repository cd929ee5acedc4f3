"""The admin form for a vault key: the secret is write-only."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from marketplace.audit.services import record

from . import vault
from .models import GeminiKey


class GeminiKeyForm(WagtailAdminModelForm):
    api_key = forms.CharField(
        label="API key",
        required=False,
        strip=True,
        # render_value=False: a re-displayed form (after an error, or on edit) never carries the secret back.
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Stored encrypted; only the last four characters are shown again. On edit, leave blank to keep the current key.",
    )

    class Meta:
        model = GeminiKey
        fields = ["label", "is_active"]

    def clean_api_key(self) -> str:
        raw = self.cleaned_data.get("api_key", "")
        if not raw and not self.instance.pk:
            raise ValidationError("Enter the API key.", code="required")
        if raw:
            try:
                vault.store_secret(GeminiKey(), raw)
            except ValidationError as exc:
                raise ValidationError("Enter the whole API key (no spaces).", code="INVALID_KEY") from exc
        return raw

    def save(self, commit: bool = True):
        raw = self.cleaned_data.get("api_key")
        adding = self.instance.pk is None
        if raw:
            vault.store_secret(self.instance, raw)
            self.instance.cooldown_until = None  # a new secret starts fresh
        key = super().save(commit=commit)
        if commit:
            # Audited with the admin and their address; never the secret, only its last four characters.
            record(
                "ai.key_added" if adding else "ai.key_changed",
                key,
                actor=getattr(self, "for_user", None),
                data={"label": key.label, "lastFour": key.last_four, "isActive": key.is_active, "secretReplaced": bool(raw),
                      "changed": sorted(self.changed_data)},
            )  # fmt: skip
        return key
