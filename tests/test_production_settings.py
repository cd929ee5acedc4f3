"""Production settings refuse to start without secrets, pass `check --deploy`, and refuse introspection."""

import json
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
    "MEDIA_BUCKET": "serveflow-media-sample",
    "AWS_REGION": "eu-west-1",
}


def run(args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "MEDIA_BUCKET",
            "S3_ENDPOINT_URL",
            "AI_VAULT_KEY",
        }
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


def test_production_refuses_a_stripe_key_without_its_webhook_secret():
    result = run(["manage.py", "check"], SAMPLE_ENV | {"STRIPE_SECRET_KEY": "sk_live_x", "STRIPE_WEBHOOK_SECRET": ""})
    assert result.returncode != 0 and "STRIPE_WEBHOOK_SECRET must be set" in result.stderr
    assert run(["manage.py", "check"], SAMPLE_ENV | {"STRIPE_SECRET_KEY": "sk_live_x", "STRIPE_WEBHOOK_SECRET": "whsec_x"}).returncode == 0


def test_production_refuses_to_start_without_a_media_bucket():
    result = run(["manage.py", "check"], SAMPLE_ENV | {"MEDIA_BUCKET": ""})
    assert result.returncode != 0 and "MEDIA_BUCKET must be set" in result.stderr


def test_production_stores_media_privately_on_s3_with_expiring_urls_and_hashed_static_files():
    script = (
        "import django, json; django.setup();"
        "from django.core.files.storage import default_storage, storages;"
        "default_storage = storages['default'];"
        "print(json.dumps([type(default_storage).__name__, default_storage.default_acl, default_storage.querystring_auth,"
        " default_storage.querystring_expire, default_storage.bucket_name, type(storages['staticfiles']).__name__]))"
    )
    result = run(["-c", script], SAMPLE_ENV | {"MEDIA_URL_EXPIRY_SECONDS": "600"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["S3Storage", None, True, 600, "serveflow-media-sample", "CompressedManifestStaticFilesStorage"]


def test_production_logs_are_json_lines_carrying_the_request_id():
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/graphql/', HTTP_HOST='attacker.example', secure=True,"
        " HTTP_X_REQUEST_ID='0b6c7a1e-3f49-4a38-9d2f-2f7e1f0d8c55');"
        "print(r.status_code, r['X-Request-ID'])"
    )
    result = run(["-c", script], SAMPLE_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["400", "0b6c7a1e-3f49-4a38-9d2f-2f7e1f0d8c55"]
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    refused = [line for line in lines if line["logger"] == "django.security.DisallowedHost"]
    assert refused, result.stderr
    assert refused[0]["request_id"] == "0b6c7a1e-3f49-4a38-9d2f-2f7e1f0d8c55"
    assert refused[0]["level"] == "ERROR" and "attacker.example" in refused[0]["message"]


def test_health_probes_by_ip_address_are_answered_although_other_hosts_are_refused():
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "probe = Client().get('/healthz', HTTP_HOST='10.0.3.7:8000');"
        "other = Client().get('/graphql/', HTTP_HOST='10.0.3.7:8000');"
        "print(json.dumps([probe.status_code, probe.json()['database'], other.status_code]))"
    )
    result = run(["-c", script], SAMPLE_ENV | {"REDIS_URL": "redis://127.0.0.1:9/0"})
    assert result.returncode == 0, result.stderr
    # The channel layer is unreachable here (port 9), so the probe reports 503 "degraded", but it is answered.
    assert json.loads(result.stdout) == [503, "ok", 400]
