"""Settings shared by every environment. Everything a deployer sets comes from the environment (12-factor)."""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local `.env` is read when present (never committed); the real environment wins.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# Cryptographic signing key: must be set (and secret) in production.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The embedded default serves everything from one port (`bin/serve` exports PORT): every local URL follows it.
# A deployment sets the public URLs below explicitly (settings/production.py requires them).
PORT = env.int("PORT", default=8000)
LOCAL_ORIGINS = [f"http://127.0.0.1:{PORT}", f"http://localhost:{PORT}"]
# Origins allowed to open the GraphQL websocket (the web client's origin).
CLIENT_ORIGINS = env.list("CLIENT_ORIGINS", default=LOCAL_ORIGINS)
# Public URL of the web client: links in emails (verification, password reset) point here.
CLIENT_URL = env("CLIENT_URL", default=LOCAL_ORIGINS[0])

INSTALLED_APPS = [
    # Domain
    "marketplace.accounts",
    "marketplace.providers",
    "marketplace.service_requests",
    "marketplace.bids",
    "marketplace.jobs",
    "marketplace.reviews",
    "marketplace.notifications",
    "marketplace.chat",
    "marketplace.audit",
    "marketplace.console",
    "marketplace.ai",
    "marketplace.payments",
    "marketplace.invoices",
    "django_fsm",
    # CMS
    "cms",
    # API and real time
    "graphql_api",
    "realtime",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Third party
    "strawberry_django",
    "channels",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_guid",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: gives every request an id (X-Request-ID, validated or new) that every log line of it carries.
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response, the policy by path (settings/csp.py).
    "settings.csp.PolicyByPath",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "marketplace.accounts.middleware.BearerTokenMiddleware",
    "marketplace.audit.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees the outcome of every login attempt (Wagtail admin included).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "settings.urls"
ASGI_APPLICATION = "settings.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://… in production). The embedded default is a SQLite file.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3 with Django's built-in connection pool.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN", default=1),
        "max_size": env.int("DATABASE_POOL_MAX", default=10),
        "timeout": 10,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool owns connection lifetime
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE transactions and a busy timeout let the web process and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out IPs and accounts before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend that grants Django permissions (and so /cms/) to staff only.
    "cms.auth.StaffPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"

# API tokens: random, stored as SHA-256, expiring, revocable.
API_TOKEN_TTL = timedelta(hours=env.int("API_TOKEN_TTL_HOURS", default=24 * 14))
EMAIL_VERIFICATION_MAX_AGE = timedelta(days=3)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

# Login throttling (marketplace/accounts/throttling.py): django-axes locks the (IP, account) pair and the IP, the lock
# growing with each further failure; failures on an account from many IPs only add a short delay (never a lock).
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address"]
AXES_COOLOFF_TIME = "marketplace.accounts.throttling.cool_off"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "email"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
# Base of the growing back-off: 1st lock lasts this long, each further failure doubles it (capped).
LOGIN_LOCKOUT_BASE = timedelta(seconds=env.int("LOGIN_LOCKOUT_BASE_SECONDS", default=60))
LOGIN_LOCKOUT_MAX = timedelta(hours=6)
# Account-only signal: past AXES_FAILURE_LIMIT failures within the window, wait BASE * 2**extra seconds (at most MAX)
# before checking a password, except from an address the account signed in from before.
LOGIN_ACCOUNT_WINDOW = timedelta(hours=1)
LOGIN_ACCOUNT_DELAY_BASE = 0.25
LOGIN_ACCOUNT_DELAY_MAX = env.float("LOGIN_ACCOUNT_DELAY_MAX_SECONDS", default=5.0)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
SERVE_LOCAL_MEDIA = False  # settings.dev serves MEDIA_ROOT at MEDIA_URL; production hands out signed S3 URLs
MEDIA_URL_EXPIRY_SECONDS = env.int("MEDIA_URL_EXPIRY_SECONDS", default=60 * 60)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# The built web client (`make run` builds it): WhiteNoise serves its files at the site root, hashed assets
# (`/assets/…`) with a far-future cache; `settings.web_client` returns index.html for client routes.
WEB_CLIENT_DIST = Path(env("WEB_CLIENT_DIST", default=str(BASE_DIR / "web-client" / "dist")))
WHITENOISE_ROOT = WEB_CLIENT_DIST if WEB_CLIENT_DIST.is_dir() else None
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/assets/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Channels: Redis when REDIS_URL is set, in-memory otherwise (single-process embedded default).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Redis pub/sub by default: `bench/fanout` measured it against channels_redis.core.RedisChannelLayer
            # (docs/architecture.md, Real-time); the variable exists so the benchmark can compare the two.
            "BACKEND": env("CHANNEL_LAYER_BACKEND", default="channels_redis.pubsub.RedisPubSubChannelLayer"),
            # A distinct prefix lets several deployments (or parallel test runs) share one Redis.
            "CONFIG": {"hosts": [REDIS_URL], "prefix": env("CHANNEL_LAYER_PREFIX", default="serveflow")},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Chat: a message still unread this many minutes after it was sent becomes a notification (and an email).
CHAT_UNREAD_REMINDER_MINUTES = env.int("CHAT_UNREAD_REMINDER_MINUTES", default=5)

# Background tasks: django-tasks with its database backend (durable; `manage.py db_worker` runs them).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email: console in development, SMTP in production (EMAIL_URL=smtp+tls://user:pass@host:587).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="ServeFlow <no-reply@serveflow.local>")

# Marketplace limits. Money terms (currency, commission, tax) and timers are CMS platform settings.
REQUEST_PHOTO_LIMIT = 6
AUDIT_RETENTION_DAYS = env.int("AUDIT_RETENTION_DAYS", default=400)

# Payments. No STRIPE_SECRET_KEY selects the offline gateway (development and demos only; production refuses it).
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")  # whsec_…: verifies /webhooks/stripe/
STRIPE_API_BASE = env("STRIPE_API_BASE", default="https://api.stripe.com")
STRIPE_TIMEOUT_SECONDS = env.float("STRIPE_TIMEOUT_SECONDS", default=20.0)
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=2)  # same idempotency key on each retry
OFFLINE_PAYMENTS_ALLOWED = True
INVOICE_LINK_MAX_AGE_SECONDS = 600

# GraphQL limits.
# Checked before any resolver runs (graphql_api/limits.py); docs/architecture.md says why these numbers.
GRAPHQL_MAX_DEPTH = env.int("GRAPHQL_MAX_DEPTH", default=12)
GRAPHQL_MAX_ALIASES = env.int("GRAPHQL_MAX_ALIASES", default=30)
GRAPHQL_MAX_TOKENS = env.int("GRAPHQL_MAX_TOKENS", default=2000)
GRAPHQL_MAX_FRAGMENT_SPREADS = env.int("GRAPHQL_MAX_FRAGMENT_SPREADS", default=200)  # after inlining fragments
GRAPHQL_MAX_COST = env.int("GRAPHQL_MAX_COST", default=50_000)  # objects the response may hold (graphql_api/cost.py)
GRAPHQL_MAX_PAGE_SIZE = 100  # also the cost of a list without first/last
GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION = 20
# Introspection, GraphiQL and field suggestions: development only.
GRAPHQL_DEBUG_TOOLS = False

STRAWBERRY_DJANGO = {
    "FIELD_DESCRIPTION_FROM_HELP_TEXT": True,
    "TYPE_DESCRIPTION_FROM_MODEL_DOCSTRING": False,
    "MUTATIONS_DEFAULT_HANDLE_ERRORS": False,  # our payloads carry their own `errors` (graphql_api.errors.attempt)
    "GENERATE_ENUMS_FROM_CHOICES": True,
}

# Wagtail
WAGTAIL_SITE_NAME = "ServeFlow"
# No avatars from gravatar.com: staff email hashes stay with us (and the admin's CSP allows no third-party images).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Absolute URLs Wagtail builds without a request (admin emails, renditions outside GraphQL).
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=LOCAL_ORIGINS[0])
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}

# CMS headless preview: Wagtail's Preview opens the web client's preview route with a token valid this long.
CMS_PREVIEW_URL = env("CMS_PREVIEW_URL", default=CLIENT_URL.rstrip("/") + "/preview")
CMS_PREVIEW_TTL = timedelta(minutes=env.int("CMS_PREVIEW_TTL_MINUTES", default=60))
# AI intake (Gemini via google-genai). API keys live encrypted in the vault (Wagtail admin → AI → Gemini API keys).
# Fernet key(s) that encrypt the vault, comma-separated: the first encrypts, all decrypt (rotate by prepending a
# new one, run `manage.py reencrypt_ai_vault`, then drop the old). Required in production; generate with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
AI_VAULT_KEY = env("AI_VAULT_KEY", default="")
GEMINI_MODEL = env("GEMINI_MODEL", default="gemini-2.5-flash")
GEMINI_BASE_URL = env("GEMINI_BASE_URL", default="")  # empty: Google's endpoint
GEMINI_TIMEOUT_SECONDS = env.float("GEMINI_TIMEOUT_SECONDS", default=20.0)  # bounds every model call
GEMINI_MAX_OUTPUT_TOKENS = env.int("GEMINI_MAX_OUTPUT_TOKENS", default=2048)
AI_MAX_KEYS_PER_REQUEST = env.int("AI_MAX_KEYS_PER_REQUEST", default=3)
AI_KEY_COOLDOWN_SECONDS = env.int("AI_KEY_COOLDOWN_SECONDS", default=60)  # 429 without Retry-After
AI_KEY_SERVER_ERROR_COOLDOWN_SECONDS = env.int("AI_KEY_SERVER_ERROR_COOLDOWN_SECONDS", default=30)
AI_KEY_REJECTED_COOLDOWN_SECONDS = env.int("AI_KEY_REJECTED_COOLDOWN_SECONDS", default=3600)
AI_KEY_MAX_COOLDOWN_SECONDS = 24 * 3600
# `limits` rate-limit strings; the per-user limit refuses, the global one switches to the local fallback.
AI_RATE_LIMIT_PER_USER = env("AI_RATE_LIMIT_PER_USER", default="10/minute;100/day")
AI_RATE_LIMIT_GLOBAL = env("AI_RATE_LIMIT_GLOBAL", default="120/minute;5000/day")
AI_RATE_LIMIT_STORAGE = env("AI_RATE_LIMIT_STORAGE", default=REDIS_URL or "memory://")
# Abusable mutations (marketplace/rate_limits.py): per user (or, when anonymous, the address named) and per IP,
# `limits` notation; beyond a budget the mutation answers THROTTLED with retryAfter and does nothing.
RATE_LIMITS = {
    "register": {"user": "3/hour", "ip": "10/hour;50/day"},
    "request_password_reset": {"user": "3/hour;10/day", "ip": "10/hour;50/day"},
    "resend_verification_email": {"user": "3/hour;10/day", "ip": "20/hour"},
    "send_message": {"user": "30/minute;1000/day", "ip": "60/minute"},
    "bid": {"user": "20/minute;300/day", "ip": "60/minute"},
    "analyze_request_image": {"user": "10/minute;100/day", "ip": "30/minute"},
}
# Extra origins images may come from (a CDN in front of media); the S3 endpoint is added by itself (settings/csp.py).
CSP_MEDIA_ORIGINS = env.list("CSP_MEDIA_ORIGINS", default=[])
# Tune any budget without a release: RATE_LIMITS_OVERRIDES='{"register": {"ip": "30/hour"}}' (merged per mutation).
for _mutation, _scopes in env.json("RATE_LIMITS_OVERRIDES", default={}).items():
    if _mutation not in RATE_LIMITS:
        raise ValueError(f"RATE_LIMITS_OVERRIDES names {_mutation!r}; known: {', '.join(RATE_LIMITS)}")
    RATE_LIMITS[_mutation] = {**RATE_LIMITS[_mutation], **_scopes}
RATE_LIMIT_STORAGE = env("RATE_LIMIT_STORAGE", default=REDIS_URL or "memory://")
RATE_LIMIT_PREFIX = env("CHANNEL_LAYER_PREFIX", default="serveflow") + "-rate-limits"
AI_RATE_LIMIT_PREFIX = env("CHANNEL_LAYER_PREFIX", default="serveflow") + "-ai-limits"
# Request ids (django-guid): an incoming X-Request-ID that is a UUID is kept, anything else is replaced.
DJANGO_GUID = {"GUID_HEADER_NAME": "X-Request-ID", "VALIDATE_GUID": True, "RETURN_HEADER": True, "EXPOSE_HEADER": True}
