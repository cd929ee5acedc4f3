"""Latency of analyzeRequestImage's use case: fallback, and Gemini through the loopback fake (SDK + our overhead).

Run: .venv/bin/python bench/ai_intake.py   (uses the test settings and a throw-away test database)
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment  # noqa: E402

setup_test_environment()
setup_databases(verbosity=0, interactive=False)

from cms.demo import load_categories  # noqa: E402
from marketplace.accounts.models import User  # noqa: E402
from marketplace.ai import vault  # noqa: E402
from marketplace.ai.intake import analyze_request_image  # noqa: E402
from tests.ai.conftest import photo  # noqa: E402
from tests.ai.gemini_server import GeminiServer, answer  # noqa: E402

load_categories()
user = User.objects.create_user(email="bench@example.com", password="x" * 12)
settings.AI_RATE_LIMIT_PER_USER = settings.AI_RATE_LIMIT_GLOBAL = "100000/minute"
image = photo(size=(1600, 1200))


def bench(label: str, runs: int = 30) -> None:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = analyze_request_image(user, SimpleUploadedFile("p.jpg", image, "image/jpeg"), "leak under the sink")
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(f"{label}: source={result.source} median={statistics.median(times):.1f} ms p95={times[int(runs * 0.95) - 1]:.1f} ms")


bench("fallback, 1600x1200 JPEG")
server = GeminiServer().start()
settings.GEMINI_BASE_URL = server.url
vault.add_key("bench", "AIzaSyBENCH-000000001")
server.default = answer(
    {"category_slug": "plumbing", "title": "Leak", "description": "d", "urgency": "HIGH", "estimated_budget": 30, "confidence": 0.8}
)
bench("gemini via loopback, 1600x1200 JPEG")
server.stop()
