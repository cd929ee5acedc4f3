"""Tests: the embedded default unless DATABASE_URL / REDIS_URL select the PostgreSQL and Redis tier."""

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
GRAPHQL_DEBUG_TOOLS = True
SECRET_KEY = "test-secret-key-not-for-production-use-only-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; production uses Argon2
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run in-process at enqueue time (which is after commit, since we enqueue from on_commit).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
MIDDLEWARE = [m for m in MIDDLEWARE if "whitenoise" not in m]
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Several checkouts may test against one server at once.
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", default="test_serveflow")}
LOGGING = {"version": 1, "disable_existing_loggers": False}
AI_VAULT_KEY = "Jd1Vh7mI1pzHbPhTpmY2cQqG2XW5tH8kOVNw0a4DgfA="  # test-only Fernet key
AI_RATE_LIMIT_STORAGE = "memory://"  # per process; parallel checkouts must not share counters
RATE_LIMIT_STORAGE = "memory://"
GEMINI_TIMEOUT_SECONDS = 2.0
