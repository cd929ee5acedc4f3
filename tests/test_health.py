import pytest
from django.test import AsyncClient

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_healthz_reports_database_and_channel_layer():
    response = await AsyncClient().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "channel_layer": "ok"}


async def test_healthz_is_503_when_the_channel_layer_is_down(settings):
    from channels.layers import channel_layers

    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": ["redis://127.0.0.1:1"]}}
    }
    channel_layers.backends.clear()
    try:
        response = await AsyncClient().get("/healthz")
    finally:
        channel_layers.backends.clear()
    assert response.status_code == 503
    assert response.json()["status"] == "degraded" and response.json()["channel_layer"].startswith("error")
    assert response.json()["database"] == "ok"
