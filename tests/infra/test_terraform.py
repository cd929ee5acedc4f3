"""The Terraform in infra/terraform, checked without a cloud: every file parses (python-hcl2) and the properties the
deployment relies on hold. (`make infra-lint` runs checkov on the same files.)"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import hcl2
import pytest

TERRAFORM = Path(__file__).resolve().parents[2] / "infra" / "terraform"
FILES = sorted(TERRAFORM.glob("*.tf"))


def unquote(value):
    """python-hcl2 keeps string literals quoted ('"FARGATE"'); expressions come as '${…}'."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    if isinstance(value, dict):
        return {unquote(k): unquote(v) for k, v in value.items() if k != "__is_block__"}
    if isinstance(value, list):
        return [unquote(v) for v in value]
    return value


@cache
def parsed() -> dict[str, dict]:
    return {path.name: unquote(hcl2.loads(path.read_text())) for path in FILES}


def blocks(kind: str) -> dict[tuple[str, str], dict]:
    found = {}
    for document in parsed().values():
        for entry in document.get(kind, []):
            for type_name, named in entry.items():
                for name, body in named.items():
                    found[(type_name, name)] = body
    return found


def resource(type_name: str, name: str) -> dict:
    return blocks("resource")[(type_name, name)]


def variables() -> dict[str, dict]:
    return {name: body for document in parsed().values() for entry in document.get("variable", []) for name, body in entry.items()}


def single(value):
    """A nested block parses as a list of one dict."""
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_terraform_file_parses(path):
    assert hcl2.loads(path.read_text()) is not None


def test_the_expected_pieces_exist():
    assert len(FILES) >= 10
    resources = set(blocks("resource"))
    for expected in [
        ("aws_vpc", "main"),
        ("aws_db_instance", "main"),
        ("aws_elasticache_replication_group", "main"),
        ("aws_s3_bucket", "media"),
        ("aws_secretsmanager_secret", "app"),
        ("aws_ecs_service", "app"),
        ("aws_ecs_service", "worker"),
        ("aws_appautoscaling_policy", "app_cpu"),
        ("aws_lb", "main"),
        ("aws_lb_listener", "https"),
        ("aws_acm_certificate", "api"),
        ("aws_cloudwatch_log_group", "app"),
    ]:
        assert expected in resources, expected


def test_database_is_private_encrypted_backed_up_and_protected():
    db = resource("aws_db_instance", "main")
    assert db["engine"] == "postgres" and db["publicly_accessible"] is False
    assert db["storage_encrypted"] is True and db["deletion_protection"] is True
    assert db["backup_retention_period"] == "${var.db_backup_retention_days}"
    assert variables()["db_backup_retention_days"]["default"] >= 7
    assert db["db_subnet_group_name"] == "${aws_db_subnet_group.main.name}"
    assert resource("aws_db_subnet_group", "main")["subnet_ids"] == "${aws_subnet.private[*].id}"


def test_redis_is_encrypted_in_transit_and_at_rest_with_an_auth_token():
    redis = resource("aws_elasticache_replication_group", "main")
    assert redis["transit_encryption_enabled"] is True and redis["at_rest_encryption_enabled"] is True
    assert redis["auth_token"] == "${random_password.redis.result}"
    secret = resource("aws_secretsmanager_secret_version", "app")["secret_string"]
    assert "rediss://" in secret  # the app connects with TLS


def test_media_bucket_is_private_and_the_task_role_reaches_only_that_bucket():
    block = resource("aws_s3_bucket_public_access_block", "media")
    assert all(block[key] is True for key in ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"))
    assert single(resource("aws_s3_bucket_ownership_controls", "media")["rule"])["object_ownership"] == "BucketOwnerEnforced"
    task_policy = blocks("data")[("aws_iam_policy_document", "task_media")]
    s3_resources = [r for statement in task_policy["statement"] if statement["sid"].startswith("Media") for r in statement["resources"]]
    assert s3_resources and all("aws_s3_bucket.media.arn" in r or "aws_kms_key.main.arn" in r for r in s3_resources)
    assert not any(a in ("s3:*", "*") for statement in task_policy["statement"] for a in statement["actions"])


def test_app_runs_at_least_two_tasks_autoscaled_and_the_worker_runs_db_worker():
    assert variables()["app_min_count"]["default"] >= 2
    assert resource("aws_ecs_service", "app")["desired_count"] == "${var.app_min_count}"
    target = resource("aws_appautoscaling_target", "app")
    assert target["min_capacity"] == "${var.app_min_count}" and target["max_capacity"] == "${var.app_max_count}"
    worker = (TERRAFORM / "ecs.tf").read_text()
    assert '["python", "manage.py", "db_worker"' in worker


def test_load_balancer_terminates_tls_redirects_plain_http_and_routes_without_stickiness():
    https = resource("aws_lb_listener", "https")
    assert https["protocol"] == "HTTPS" and https["ssl_policy"].startswith("ELBSecurityPolicy-TLS13")
    redirect = single(single(resource("aws_lb_listener", "http")["default_action"])["redirect"])
    assert redirect["protocol"] == "HTTPS" and redirect["status_code"] == "HTTP_301"
    group = resource("aws_lb_target_group", "app")
    assert single(group["stickiness"])["enabled"] is False
    assert single(group["health_check"])["path"] == "/healthz"
    assert resource("aws_lb", "main")["idle_timeout"] == "${var.alb_idle_timeout_seconds}"


def test_tasks_get_every_setting_production_requires_and_secrets_only_from_the_secrets_store():
    text = (TERRAFORM / "ecs.tf").read_text()
    for name in ("DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "MEDIA_BUCKET", "CSRF_TRUSTED_ORIGINS", "CLIENT_ORIGINS"):
        assert f'name = "{name}"' in text, name
    assert '["SECRET_KEY", "DATABASE_URL", "REDIS_URL"]' in text and "aws_secretsmanager_secret.app.arn" in text
    assert "random_password" not in text  # no secret value is written into a task definition


def test_every_variable_and_output_is_described():
    assert all(body.get("description") for body in variables().values())
    outputs = {name: body for document in parsed().values() for entry in document.get("output", []) for name, body in entry.items()}
    assert {"api_url", "load_balancer_dns_name", "ecr_repository_url"} <= set(outputs)
    assert all(body.get("description") for body in outputs.values())


def test_every_checkov_skip_says_why():
    skips = [line for path in FILES for line in path.read_text().splitlines() if "checkov:skip" in line]
    assert skips
    for line in skips:
        assert re.search(r"#checkov:skip=CKV2?_AWS_\d+:\S.{15,}", line), line
