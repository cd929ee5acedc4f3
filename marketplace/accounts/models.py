"""Users (email is the login, one role each) and their API tokens."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    CUSTOMER = "CUSTOMER", "Customer"
    PROVIDER = "PROVIDER", "Provider"
    ADMIN = "ADMIN", "Platform admin"


class UserQuerySet(models.QuerySet):
    def customers(self):
        return self.filter(role=Role.CUSTOMER)

    def providers(self):
        return self.filter(role=Role.PROVIDER)


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, role=Role.ADMIN)
        extra_fields.setdefault("email_verified_at", timezone.now())
        return self._create_user(email, password, **extra_fields)


def avatar_path(instance: User, filename: str) -> str:
    # The stored name never carries the client's file name (no path tricks, no personal data).
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "jpg"
    return f"avatars/{instance.pk}/{timezone.now():%Y%m%d%H%M%S}.{suffix}"


class User(AbstractBaseUser, PermissionsMixin):
    """A person using ServeFlow. The role is fixed at registration; only staff tooling changes it."""

    email = models.EmailField(unique=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.CUSTOMER)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    avatar = models.ImageField(upload_to=avatar_path, blank=True)
    email_verified_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May sign in to the Wagtail admin.")
    date_joined = models.DateTimeField(default=timezone.now)
    email_notifications = models.BooleanField(default=True, help_text="Email me about bids, jobs, messages and reviews.")
    # Set by an admin's suspension (marketplace.console.suspension); a suspended account is also inactive.
    suspended_at = models.DateTimeField(null=True, blank=True)
    suspension_reason = models.CharField(max_length=500, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["id"]
        constraints = [
            # Django and Wagtail let superusers past every check; only platform admins may be one.
            models.CheckConstraint(condition=models.Q(is_superuser=False) | models.Q(role=Role.ADMIN), name="superuser_is_platform_admin")
        ]

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def get_short_name(self) -> str:
        return self.first_name or self.email

    @property
    def is_customer(self) -> bool:
        return self.role == Role.CUSTOMER

    @property
    def is_provider(self) -> bool:
        return self.role == Role.PROVIDER

    @property
    def is_platform_admin(self) -> bool:
        """The one rule (`marketplace.accounts.authority.is_platform_admin`): active and role ADMIN."""
        from marketplace.accounts.authority import is_platform_admin

        return is_platform_admin(self)

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None


def hash_token(raw: str) -> str:
    """Tokens are long random strings, so one SHA-256 is enough to make a stolen table useless."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A bearer token. Only its hash is stored; the raw value is shown once, at login."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="bearer_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    created_from_ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["user", "revoked_at"])]

    def __str__(self) -> str:
        return f"token {self.pk} of {self.user_id}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
