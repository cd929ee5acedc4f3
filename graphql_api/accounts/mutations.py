from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info
from strawberry.file_uploads import Upload

from graphql_api.errors import FieldError, attempt
from graphql_api.permissions import IsSignedIn, require_user
from graphql_api.throttle import throttle
from marketplace.accounts import services

from .types import RegisterInput, UserType


@strawberry.type
class RegisterPayload:
    ok: bool = strawberry.field(default=False, description="True once the input was accepted: check your email.")
    user: UserType | None = strawberry.field(
        default=None,
        deprecation_reason="Always null: a taken email answers exactly as a new one; the account is yours once you sign in.",
    )
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class LoginPayload:
    token: str | None = strawberry.field(default=None, description="Send as `Authorization: Bearer <token>`; shown once.")
    expires_at: str | None = None
    user: UserType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class OkPayload:
    ok: bool = False
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class UserPayload:
    user: UserType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class AccountMutation:
    @strawberry_django.mutation()
    def register(self, info: Info, input: RegisterInput) -> RegisterPayload:
        def run() -> RegisterPayload:
            throttle(info, "register", subject=input.email, field="email")
            services.register(
                email=input.email,
                password=input.password,
                role=input.role,
                first_name=input.first_name,
                last_name=input.last_name,
                phone=input.phone,
            )
            return RegisterPayload(ok=True)

        return attempt(RegisterPayload, run)

    @strawberry_django.mutation()
    def login(self, info: Info, email: str, password: str) -> LoginPayload:
        def run() -> LoginPayload:
            raw, token = services.log_in(info.context.request, email=email, password=password)
            return LoginPayload(token=raw, expires_at=token.expires_at.isoformat(), user=token.user)

        return attempt(LoginPayload, run)

    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def logout(self, info: Info) -> OkPayload:
        services.log_out(info.context.request.api_token)
        return OkPayload(ok=True)

    @strawberry_django.mutation()
    def verify_email(self, token: str) -> UserPayload:
        return attempt(UserPayload, lambda: UserPayload(user=services.verify_email(token)))

    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def resend_verification_email(self, info: Info) -> OkPayload:
        user = require_user(info)

        def run() -> OkPayload:
            throttle(info, "resend_verification_email")
            if not user.email_verified:
                services.send_verification_email(user)
            return OkPayload(ok=True)

        return attempt(OkPayload, run)

    @strawberry_django.mutation(description="Succeeds within the rate limit; emails a link if the account exists.")
    def request_password_reset(self, info: Info, email: str) -> OkPayload:
        def run() -> OkPayload:
            throttle(info, "request_password_reset", subject=email, field="email")
            services.request_password_reset(email)
            return OkPayload(ok=True)

        return attempt(OkPayload, run)

    @strawberry_django.mutation()
    def reset_password(self, token: str, new_password: str) -> OkPayload:
        def run() -> OkPayload:
            services.reset_password(token, new_password)
            return OkPayload(ok=True)

        return attempt(OkPayload, run)

    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def change_password(self, info: Info, current_password: str, new_password: str) -> OkPayload:
        user = require_user(info)
        keep = info.context.request.api_token

        def run() -> OkPayload:
            services.change_password(user, current_password=current_password, new_password=new_password, keep=keep)
            return OkPayload(ok=True)

        return attempt(OkPayload, run)

    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def update_profile(
        self,
        info: Info,
        first_name: str | None = None,
        last_name: str | None = None,
        phone: str | None = None,
        avatar: Upload | None = None,
        email_notifications: bool | None = None,
    ) -> UserPayload:
        user = require_user(info)
        return attempt(
            UserPayload,
            lambda: UserPayload(
                user=services.update_profile(
                    user, first_name=first_name, last_name=last_name, phone=phone, avatar=avatar, email_notifications=email_notifications
                )
            ),
        )
