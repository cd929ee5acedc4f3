"""Start ServeFlow as it runs in production: N uvicorn instances and M `db_worker` processes on loopback.

Every process runs `settings.production` and shares one PostgreSQL database and one Redis channel layer, so a
test can act through one instance and observe through another. Reusable: `Cluster(env).start(instances=2,
workers=1)`, then `cluster.instances[0].url`; `stop()` ends only the processes it started.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
UVICORN = str(Path(sys.executable).with_name("uvicorn"))


def free_port() -> int:
    """A TCP port that was free a moment ago (the kernel picks it; the caller binds it right away)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self, timeout: float = 10) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout)


@dataclass
class Instance(Process):
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql/"

    @property
    def websocket_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql/"


@dataclass
class Cluster:
    """`env` is added to a production environment (secret key, hosts, no TLS redirect on loopback)."""

    env: dict[str, str]
    instances: list[Instance] = field(default_factory=list)
    workers: list[Process] = field(default_factory=list)
    log_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="serveflow-cluster-")))

    def process_env(self) -> dict[str, str]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "TEST_DATABASE"))}
        return (
            base
            | {
                "DJANGO_SETTINGS_MODULE": "settings.production",
                # Every test of the tier signs up from 127.0.0.1 against one Redis: per-address budgets sized for that.
                "RATE_LIMITS_OVERRIDES": '{"register": {"user": "1000/hour", "ip": "100000/hour"}}',
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "CLIENT_ORIGINS": "http://127.0.0.1",
                "SECURE_SSL_REDIRECT": "false",  # TLS ends at the load balancer in production; loopback is plain HTTP
                "DATABASE_POOL_MAX": "4",
                "PYTHONUNBUFFERED": "1",
            }
            | self.env
        )

    def _spawn(self, name: str, args: list[str]) -> tuple[subprocess.Popen, Path]:
        log_path = self.log_dir / f"{name}.log"
        with log_path.open("wb") as log:
            popen = subprocess.Popen(args, cwd=ROOT, env=self.process_env(), stdout=log, stderr=subprocess.STDOUT)
        return popen, log_path

    def start_instance(self) -> Instance:
        name, port = f"app-{len(self.instances) + 1}", free_port()
        args = [UVICORN, "settings.asgi:application", "--host", "127.0.0.1", "--port", str(port), "--ws", "websockets"]
        popen, log_path = self._spawn(name, [*args, "--lifespan", "off", "--no-access-log"])
        instance = Instance(name, popen, log_path, port=port)
        self.instances.append(instance)
        return instance

    def start_worker(self) -> Process:
        name = f"worker-{len(self.workers) + 1}"
        args = [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2", "--worker-id", name]
        popen, log_path = self._spawn(name, [*args, "--no-startup-delay", "--no-reload"])
        worker = Process(name, popen, log_path)
        self.workers.append(worker)
        return worker

    def start(self, *, instances: int = 2, workers: int = 1, timeout: float = 90) -> Cluster:
        try:
            for _ in range(instances):
                self.start_instance()
            for _ in range(workers):
                self.start_worker()
            self.wait_healthy(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_healthy(self, timeout: float = 90) -> None:
        """Every instance answers 200 on /healthz (database and channel layer up); every worker is still running."""
        deadline = time.monotonic() + timeout
        pending = list(self.instances)
        while pending:
            for process in [*self.instances, *self.workers]:
                if process.popen.poll() is not None:
                    raise RuntimeError(f"{process.name} exited with {process.popen.returncode}:\n{process.log()[-4000:]}")
            instance = pending[0]
            try:
                if httpx.get(f"{instance.url}/healthz", timeout=5).status_code == 200:
                    pending.pop(0)
                    continue
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{instance.name} not healthy after {timeout}s:\n{instance.log()[-4000:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        for process in [*self.instances, *self.workers]:
            process.stop()

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.log()[-3000:]}" for p in [*self.instances, *self.workers])
