"""Production settings refuse to start without secrets, pass `check --deploy`, and refuse introspection."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ENV = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "SECRET_KEY": "k" * 20 + "-sample-production-secret-key-for-checks-0123456789",
    "DATABASE_URL": "sqlite:////tmp/serveflow-production-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "serveflow.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://serveflow.example.com",
    "AI_VAULT_KEY": "bqJxZ0d5ZQ2mC6m5pW2G9l1Hh0k3s4V7x8Y9zA1B2C4=",
}


def run(args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "AI_VAULT_KEY"}
    }
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_a_sample_environment():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], SAMPLE_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = SAMPLE_ENV | {"SECRET_KEY": ""}
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_production_refuses_introspection_and_hides_field_suggestions():
    script = (
        "import django, json; django.setup();"
        "from graphql_api.schema import schema;"
        "r = schema.execute_sync('{ __schema { types { name } } }');"
        "s = schema.execute_sync('{ mee { id } }');"
        "print(json.dumps([str(e) for e in r.errors or []] + [str(e) for e in s.errors or []]))"
    )
    result = run(["-c", script], SAMPLE_ENV)
    assert result.returncode == 0, result.stderr
    assert "introspection" in result.stdout.lower()
    assert "Did you mean" not in result.stdout and "mee" in result.stdout
