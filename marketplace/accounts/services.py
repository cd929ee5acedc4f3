"""Account use cases: registration, login, email verification, password reset and change, profile.

Each function is one transaction; emails are queued to go out after it commits.
"""

from __future__ import annotations

import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from marketplace.errors import DomainError, Throttled
from marketplace.images import clean_image
from marketplace.mail import send_email_after_commit

from . import tokens
from .events import account_event
from .models import ApiToken, Role, User
from .throttling import account_delay, clear_account_locks, cool_off

SELF_SERVICE_ROLES = (Role.CUSTOMER, Role.PROVIDER)
EMAIL_VERIFICATION_SALT = "serveflow.accounts.verify-email"


def _field_error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _validate_password(password: str, user: User, field: str = "password") -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError(
            {field: [ValidationError(e.message, code="WEAK_PASSWORD", params=e.params) for e in exc.error_list]}
        ) from None


@transaction.atomic
def register(*, email: str, password: str, role: str, first_name: str = "", last_name: str = "", phone: str = "") -> User | None:
    """Create a customer or provider account (never an admin) and send the verification email.

    A taken email is not an error (that would tell anyone which addresses have accounts): the password is hashed all
    the same, the owner is emailed instead, and None is returned. Raises ValidationError (field errors) and creates
    nothing when any input is wrong.
    """
    errors: dict[str, list[ValidationError]] = {}
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors.setdefault("email", []).append(ValidationError("Enter a valid email address.", code="INVALID"))
    if role not in SELF_SERVICE_ROLES:
        errors.setdefault("role", []).append(ValidationError("Choose CUSTOMER or PROVIDER.", code="INVALID_CHOICE"))
    if len(phone) > 32 or len(first_name) > 150 or len(last_name) > 150:
        errors.setdefault("phone" if len(phone) > 32 else "first_name", []).append(ValidationError("Too long.", code="TOO_LONG"))
    candidate = User(email=email, first_name=first_name, last_name=last_name)
    try:
        _validate_password(password, candidate)
    except ValidationError as exc:
        errors.update(exc.error_dict)
    if errors:
        raise ValidationError(errors)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        make_password(password)  # the same hashing cost as creating the account
        _send_registration_attempt_notice(existing)
        return None

    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email, password=password, role=role, first_name=first_name, last_name=last_name, phone=phone
            )
    except IntegrityError:  # a concurrent registration won the race for this email: answer as for any taken one
        return None
    if user.is_provider:
        from marketplace.providers.models import ProviderProfile

        ProviderProfile.objects.create(user=user)
    send_verification_email(user)
    return user


def _send_registration_attempt_notice(user: User) -> None:
    send_email_after_commit(
        user.email,
        "Someone tried to register with your ServeFlow address",
        f"Hello {user.get_short_name()},\n\nSomeone tried to create a new ServeFlow account with this address, which "
        f"already has one. If it was you, sign in: {settings.CLIENT_URL}/login\n"
        f"Forgot your password? Reset it: {settings.CLIENT_URL}/forgot-password\n"
        "If it was not you, you can ignore this email; nothing was changed.\n",
    )


def _client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def log_in(request, *, email: str, password: str) -> tuple[str, ApiToken]:
    """Check credentials and issue an API token.

    Throttled by django-axes per (IP, account) and per IP (growing lock); failures on the account from anywhere only
    delay the check (see throttling.py), never from an address the account used before. An unknown email costs the
    same password-hash time as a wrong password, so response times do not reveal which accounts exist.
    Raises Throttled or ValidationError (a single, non-revealing error on the password field).
    """
    email = (email or "").strip().lower()
    account = User.objects.filter(email=email).first()
    # A request axes will refuse anyway is not delayed (that would only hold a worker for the attacker).
    delay = account_delay(email, _client_ip(request))
    if delay and (request is None or AxesProxyHandler.is_allowed(request, {"email": email})):
        time.sleep(delay)
    user = authenticate(request, email=email, password=password)
    if getattr(request, "axes_locked_out", False):
        # The API reports the lock in its payload; the axes middleware must not replace our response.
        request.axes_locked_out = False
        wait = int(cool_off(request).total_seconds())
        account_event("auth.locked_out", account, email=email, retry_after=wait)
        raise Throttled(f"Too many failed attempts. Try again in {wait} seconds.", retry_after=wait, field="email")
    if user is None:
        account_event("auth.login_failed", account, email=email)
        _refuse_if_suspended(email, password)
        raise _field_error("password", "The email or password is incorrect.", "INVALID_CREDENTIALS")
    with transaction.atomic():
        raw, token = tokens.issue_token(user, ip=_client_ip(request), user_agent=request.headers.get("User-Agent", "") if request else "")
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        account_event("auth.login", user, actor=user, token=token.pk)
    return raw, token


def _refuse_if_suspended(email: str, password: str) -> None:
    """Tell the holder of a suspended account (and only someone who knows its password) why sign-in fails."""
    suspended = User.objects.filter(email__iexact=email, suspended_at__isnull=False).first()
    if suspended is not None and suspended.check_password(password):
        raise DomainError("This account is suspended; contact support.", code="ACCOUNT_SUSPENDED", field="email")


def log_out(token: ApiToken) -> None:
    """Revoke the caller's token."""
    with transaction.atomic():
        tokens.revoke_token(token)
        account_event("auth.logout", token.user, actor=token.user, token=token.pk)


def email_verification_token(user: User) -> str:
    """A signed token naming the user and the address it verifies (a changed address voids it)."""
    return signing.dumps({"u": user.pk, "e": user.email}, salt=EMAIL_VERIFICATION_SALT, compress=True)


def send_verification_email(user: User) -> None:
    link = f"{settings.CLIENT_URL}/verify-email?token={email_verification_token(user)}"
    send_email_after_commit(
        user.email,
        "Confirm your ServeFlow email address",
        f"Hello {user.get_short_name()},\n\nConfirm your email address by opening this link:\n{link}\n\n"
        f"The link is valid for {settings.EMAIL_VERIFICATION_MAX_AGE.days} days.\n",
    )


@transaction.atomic
def verify_email(token: str) -> User:
    """Mark the address named by `token` verified. Idempotent; raises a field error for a bad or old token."""
    try:
        data = signing.loads(token, salt=EMAIL_VERIFICATION_SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:
        raise _field_error("token", "This verification link is invalid or has expired.", "INVALID_TOKEN") from None
    user = User.objects.select_for_update().filter(pk=data.get("u"), email=data.get("e"), is_active=True).first()
    if user is None:
        raise _field_error("token", "This verification link is invalid or has expired.", "INVALID_TOKEN")
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        account_event("auth.email_verified", user, actor=user, email=user.email)
    return user


def password_reset_token(user: User) -> str:
    """Single-use: Django's generator hashes the password and last login, so either change voids it."""
    return f"{urlsafe_base64_encode(force_bytes(user.pk))}.{default_token_generator.make_token(user)}"


@transaction.atomic
def request_password_reset(email: str) -> None:
    """Email a reset link if an active account has this address. Says nothing either way."""
    user = User.objects.filter(email__iexact=(email or "").strip(), is_active=True).first()
    if user is None:
        return
    link = f"{settings.CLIENT_URL}/reset-password?token={password_reset_token(user)}"
    send_email_after_commit(
        user.email,
        "Reset your ServeFlow password",
        f"Hello {user.get_short_name()},\n\nSomeone asked to reset the password of this account. "
        f"If it was you, open this link within {settings.PASSWORD_RESET_TIMEOUT // 3600} hours:\n{link}\n\n"
        "If it was not you, ignore this email; your password is unchanged.\n",
    )


def _user_from_reset_token(token: str) -> User | None:
    uidb64, _, key = (token or "").partition(".")
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = User.objects.select_for_update().get(pk=pk, is_active=True)
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, key) else None


@transaction.atomic
def reset_password(token: str, new_password: str) -> User:
    """Set a new password from a reset token; signs the account out everywhere."""
    user = _user_from_reset_token(token)
    if user is None:
        raise _field_error("token", "This reset link is invalid or has expired.", "INVALID_TOKEN")
    _validate_password(new_password, user, field="new_password")
    user.set_password(new_password)
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()  # the link proved the address works
    user.save(update_fields=["password", "email_verified_at"])
    revoked = tokens.revoke_all_tokens(user)
    clear_account_locks(user.email)
    account_event("auth.password_reset", user, actor=user, tokens_revoked=revoked)
    _send_password_changed_notice(user)
    return user


@transaction.atomic
def change_password(user: User, *, current_password: str, new_password: str, keep: ApiToken | None = None) -> None:
    """Change the password after checking the current one; every other session is signed out."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.check_password(current_password):
        raise _field_error("current_password", "The current password is incorrect.", "INVALID_CREDENTIALS")
    _validate_password(new_password, user, field="new_password")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    revoked = tokens.revoke_all_tokens(user, except_token=keep)
    account_event("auth.password_changed", user, actor=user, tokens_revoked=revoked)
    _send_password_changed_notice(user)


def _send_password_changed_notice(user: User) -> None:
    send_email_after_commit(
        user.email,
        "Your ServeFlow password was changed",
        "The password of your ServeFlow account was just changed and other sessions were signed out.\n"
        f"If this was not you, reset your password now: {settings.CLIENT_URL}/forgot-password\n",
    )


@transaction.atomic
def update_profile(
    user: User,
    *,
    first_name: str | None = None,
    last_name: str | None = None,
    phone: str | None = None,
    avatar=None,
    email_notifications: bool | None = None,
) -> User:
    """Change the caller's own names, phone, avatar and email-notification choice. The role and email are not editable here."""
    user = User.objects.select_for_update().get(pk=user.pk)
    errors = {}
    for field, value, limit in (("first_name", first_name, 150), ("last_name", last_name, 150), ("phone", phone, 32)):
        if value is not None and len(value) > limit:
            errors[field] = ValidationError(f"At most {limit} characters.", code="TOO_LONG")
    if errors:
        raise ValidationError(errors)
    if first_name is not None:
        user.first_name = first_name.strip()
    if last_name is not None:
        user.last_name = last_name.strip()
    if phone is not None:
        user.phone = phone.strip()
    if email_notifications is not None:
        user.email_notifications = email_notifications
    if avatar is not None:
        cleaned = clean_image(avatar, field="avatar", max_bytes=5 * 1024 * 1024)
        user.avatar.save(cleaned.name, cleaned, save=False)
    user.save()
    return user
