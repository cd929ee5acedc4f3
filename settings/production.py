"""Production: every secret comes from the environment; the process refuses to start without them."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env

DEBUG = False
GRAPHQL_DEBUG_TOOLS = False

# Required: the process does not start without these.
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY or SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")
for required in ("DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"):
    if not env(required, default=""):
        raise ImproperlyConfigured(f"{required} must be set in production.")

# The AI key vault's encryption key(s) (Fernet, comma-separated), never stored in the database.
AI_VAULT_KEY = env("AI_VAULT_KEY", default="")
try:
    from cryptography.fernet import Fernet

    if not [Fernet(part.strip()) for part in AI_VAULT_KEY.split(",") if part.strip()]:
        raise ValueError
except ValueError:
    raise ImproperlyConfigured("AI_VAULT_KEY must be set to one or more comma-separated Fernet keys in production.") from None

# TLS terminates at the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer probes over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

SERVE_LOCAL_MEDIA = False  # media is on S3, never served by the app
# Media on S3 (django-storages): objects are private (no ACL is sent: the bucket blocks public access and owns every
# object), and every URL the API hands out is signed and expires after MEDIA_URL_EXPIRY_SECONDS.
MEDIA_BUCKET = env("MEDIA_BUCKET", default="")
if not MEDIA_BUCKET:
    raise ImproperlyConfigured("MEDIA_BUCKET must be set in production.")
STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            # Unset on AWS; the S3-compatible server's URL elsewhere (MinIO in compose.yaml, a loopback server in tests).
            "endpoint_url": env("S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_REGION", default=None),
            "location": env("MEDIA_PREFIX", default="media"),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env.int("MEDIA_URL_EXPIRY_SECONDS", default=60 * 60),
            "file_overwrite": False,
            "signature_version": "s3v4",
            # "path" for S3-compatible servers on a plain host:port; "virtual" or "auto" on AWS.
            "addressing_style": env("S3_ADDRESSING_STYLE", default="auto"),
            "object_parameters": {"CacheControl": "private, max-age=3600"},
        },
    },
    # Hashed, compressed file names: whitenoise serves them with far-future cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Credentials come from boto3's default chain: the ECS task role on AWS, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY elsewhere.

# Structured logs: one JSON object per line on stdout, each carrying the request id (django-guid) when there is one.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "django_guid.log_filters.CorrelationId", "correlation_id_field": "request_id"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(process)d",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": env("TASKS_LOG_LEVEL", default="INFO")},
        "django_guid": {"level": "WARNING"},
        # uvicorn configures its loggers before Django starts; taking them over keeps every line JSON.
        "uvicorn.error": {"handlers": ["console"], "propagate": False},
        "uvicorn.access": {"handlers": ["console"], "propagate": False},
    },
}

# /healthz is answered before host validation: the load balancer and the container health check probe by IP.
MIDDLEWARE = [MIDDLEWARE[0], "realtime.health.health_check_middleware", *MIDDLEWARE[1:]]
# Real money only: the offline gateway refuses to run here, so STRIPE_SECRET_KEY must be set.
OFFLINE_PAYMENTS_ALLOWED = False
# A Stripe key without the webhook secret would take payments whose confirmations /webhooks/stripe/ cannot verify.
if STRIPE_SECRET_KEY and not STRIPE_WEBHOOK_SECRET:
    raise ImproperlyConfigured("STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is.")
