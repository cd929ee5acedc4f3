# syntax=docker/dockerfile:1
# ServeFlow production image: the web client built by Node, the API served by uvicorn, as a non-root user.
# Build: docker build -t serveflow .   Run: see compose.yaml and docs/operations.md.

# --- 1. the web client (web-client/ → web-client/dist/) ---
FROM node:20-bookworm-slim AS web-client
WORKDIR /build
COPY web-client/package.json web-client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web-client/ ./
RUN npm run build

# --- 2. Python dependencies, installed from the hash-checked lock into a virtualenv ---
FROM python:3.11-slim-bookworm AS python-deps
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY requirements/base.lock /tmp/base.lock
RUN /opt/venv/bin/pip install --require-hashes --no-deps -r /tmp/base.lock

# --- 3. the runtime image ---
FROM python:3.11-slim-bookworm AS runtime
ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=settings.production \
    PORT=8000
RUN groupadd --system --gid 10001 serveflow \
    && useradd --system --uid 10001 --gid serveflow --home-dir /app --shell /usr/sbin/nologin serveflow
WORKDIR /app
COPY --from=python-deps /opt/venv /opt/venv
COPY --chown=serveflow:serveflow . /app
COPY --from=web-client --chown=serveflow:serveflow /build/dist /app/web-client/dist
# Static files are collected at build time (hashed names, compressed); production settings need only placeholders here.
RUN SECRET_KEY=collectstatic-only-placeholder-key-not-used-at-runtime-0123456789 \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 REDIS_URL=redis://localhost:6379/0 \
    ALLOWED_HOSTS=localhost MEDIA_BUCKET=collectstatic-placeholder \
    python manage.py collectstatic --noinput \
    && chown -R serveflow:serveflow /app/var
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz\", timeout=4)"]
# One ASGI process per container: scale by running more containers (docs/operations.md, "Scaling").
CMD ["sh", "-c", "exec uvicorn settings.asgi:application --host 0.0.0.0 --port \"$PORT\" --ws websockets --lifespan off --no-access-log"]
