from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from marketplace.accounts.authority import is_platform_admin

from . import admin_views


@hooks.register("register_admin_urls")
def register_verification_urls():
    return [
        path("providers/verification/", admin_views.verification_queue, name="provider_verification_queue"),
        path("providers/verification/<int:pk>/<str:decision>/", admin_views.decide, name="provider_verification_decide"),
    ]


class PlatformAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_platform_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_verification_menu_item():
    return PlatformAdminMenuItem("Provider verification", reverse("provider_verification_queue"), icon_name="user", order=250)
