"""The container files, checked without a Docker engine: compose wiring parsed with PyYAML, the Dockerfile's shape.

(`make infra-lint` also runs hadolint and checkov on the Dockerfile.)
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_APP_ENV = {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "MEDIA_BUCKET"}


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_runs_app_worker_and_the_production_backing_services():
    services = compose()["services"]
    assert {"app", "worker", "postgres", "redis", "minio"} <= set(services)
    assert services["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]


def test_app_and_worker_share_the_production_environment_and_point_at_the_compose_services():
    services = compose()["services"]
    for name in ("app", "worker", "migrate"):
        env = services[name]["environment"]
        assert set(env) >= REQUIRED_APP_ENV, name
        assert env["DJANGO_SETTINGS_MODULE"] == "settings.production"
        assert "@postgres:5432/" in env["DATABASE_URL"] and env["REDIS_URL"].startswith("redis://redis:6379")
        assert env["S3_ENDPOINT_URL"] == "http://minio:9000"
    assert services["app"]["environment"] is services["worker"]["environment"]  # one anchor, no drift


def test_app_waits_for_healthy_dependencies_and_migrations_and_is_health_checked_on_healthz():
    services = compose()["services"]
    for name in ("app", "worker"):
        depends = services[name]["depends_on"]
        assert depends["postgres"]["condition"] == depends["redis"]["condition"] == "service_healthy"
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert "/healthz" in " ".join(services["app"]["healthcheck"]["test"])
    for name in ("postgres", "redis", "minio"):
        assert services[name]["healthcheck"]["test"], name


def test_minio_credentials_match_the_apps_s3_credentials():
    services = compose()["services"]
    env, minio = services["app"]["environment"], services["minio"]["environment"]
    assert (env["AWS_ACCESS_KEY_ID"], env["AWS_SECRET_ACCESS_KEY"]) == (minio["MINIO_ROOT_USER"], minio["MINIO_ROOT_PASSWORD"])
    assert env["MEDIA_BUCKET"] in services["minio-bucket"]["entrypoint"][-1]


def test_dockerfile_builds_the_client_installs_the_hashed_lock_runs_unprivileged_and_checks_health():
    text = (ROOT / "Dockerfile").read_text()
    stages = [line.split()[-1] for line in text.splitlines() if line.startswith("FROM ")]
    assert stages == ["web-client", "python-deps", "runtime"]
    assert "npm ci" in text and "npm run build" in text and "/build/dist" in text
    assert "--require-hashes" in text and "requirements/base.lock" in text
    assert "collectstatic" in text
    users = [line.split()[1] for line in text.splitlines() if line.startswith("USER ")]
    assert users and users[-1].split(":")[0] not in {"0", "root"}
    assert "HEALTHCHECK" in text and "/healthz" in text
    assert 'CMD ["sh", "-c", "exec uvicorn settings.asgi:application' in text
