"""Development: the embedded default (`make run`): SQLite, in-memory channel layer, local media, console email."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
GRAPHQL_DEBUG_TOOLS = True
# Uploaded files are on local disk here, so Django serves them (also with DEBUG off, as the e2e backend runs).
SERVE_LOCAL_MEDIA = True
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# A fixed vault key derived from SECRET_KEY when none is set (development only; production requires AI_VAULT_KEY).
if not AI_VAULT_KEY:
    import base64
    import hashlib

    AI_VAULT_KEY = base64.urlsafe_b64encode(hashlib.sha256(b"serveflow-ai-vault:" + SECRET_KEY.encode()).digest()).decode()
