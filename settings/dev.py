"""Development: the embedded default (`make run`): SQLite, in-memory channel layer, local media, console email."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
GRAPHQL_DEBUG_TOOLS = True
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
