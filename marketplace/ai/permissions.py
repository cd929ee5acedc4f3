"""Who may manage AI keys and read the AI call log in the Wagtail admin: platform admins only (the one rule in
`marketplace.accounts.authority`); `actions` narrows a model to e.g. read-only."""

from marketplace.accounts.authority import PlatformAdminsOnly, is_platform_admin

__all__ = ["PlatformAdminsOnly", "is_platform_admin"]
