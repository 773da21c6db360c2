"""Measure the portal in its production shape with wrk, against a static file as the baseline.

Starts gunicorn with the production settings on a loopback port (one worker per core), finds a
static file's hashed URL on the home page, and for the static file and each page runs wrk for a
few seconds: once as an anonymous visitor (the page cache serves) and once with a CSRF cookie,
which the page cache never serves (the page is rendered each time). It also times single
requests, one after another, with the cookie: the server time of an uncached page, plus a
loopback round trip. Only loopback addresses are used; every run is bounded in time.

Pages are given as NAME=PATH, or NAME=PATH>REGEX to follow the first link on PATH that matches
REGEX (e.g. the newest committee briefing).
"""

import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ludwigsburg_intl import page_cache

TARGET_CACHED_RATIO = 0.5
TARGET_UNCACHED_MS = 15.0


def _bypass_cookie() -> str:
    return "=".join(page_cache.bypass_cookie())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str, cookie: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode("utf-8", "replace")


def _parse_wrk(output: str) -> dict:
    def millis(text: str) -> float:
        value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if not (rate and p50 and p99):
        raise CommandError(f"Could not read wrk's output:\n{output}")
    return {
        "rps": float(rate.group(1)),
        "p50": millis(p50.group(1)),
        "p99": millis(p99.group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


class Command(BaseCommand):
    help = "Load test the production shape (gunicorn, production settings) with wrk on loopback."

    def add_arguments(self, parser):
        parser.add_argument("pages", nargs="+", help="NAME=PATH or NAME=PATH>LINK-REGEX")
        parser.add_argument("--seconds", type=int, default=5, help="wrk duration per run")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
        parser.add_argument("--singles", type=int, default=40, help="single requests per page")
        parser.add_argument(
            "--strict", action="store_true", help="exit with status 1 when a target is missed"
        )

    def handle(self, *args, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is not installed (Debian: apt-get install wrk).")
        if not (settings.STATIC_ROOT and os.path.isdir(settings.STATIC_ROOT)):
            raise CommandError("Collect the static files first (manage.py collectstatic).")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = self._start_gunicorn(port, options["workers"])
        try:
            self._wait(base)
            pages = [self._resolve(base, spec) for spec in options["pages"]]
            static = self._static_path(base)
            rows = [self._measure(base, "static file", static, options, static_file=True)]
            rows += [self._measure(base, name, path, options) for name, path in pages]
        finally:
            server.terminate()
            server.wait(timeout=30)
        return self._report(rows, options)

    # --- the server --------------------------------------------------------------------------

    def _start_gunicorn(self, port: int, workers: int):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "ludwigsburg_intl.settings.prod",
            "SECURE_SSL_REDIRECT": "0",
        }
        env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
        env["ALLOWED_HOSTS"] = "127.0.0.1"
        if not env.get("DATABASE_URL"):
            env["EMBEDDED_DATABASE"] = "1"
        command = [
            sys.executable, "-m", "gunicorn", "ludwigsburg_intl.wsgi",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--log-level", "warning", "--access-logfile", "/dev/null",
        ]  # fmt: skip
        self.stdout.write(
            f"gunicorn, production settings, {workers} workers; cache: "
            f"{'Redis' if env.get('REDIS_URL') else 'files'}; database: "
            f"{'DATABASE_URL' if env.get('DATABASE_URL') else 'embedded'}"
        )
        return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)

    def _wait(self, base: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _fetch(f"{base}/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise CommandError("gunicorn did not become ready within 60 s.")

    def _resolve(self, base: str, spec: str) -> tuple[str, str]:
        name, _, target = spec.partition("=")
        if not target:
            raise CommandError(f"Give pages as NAME=PATH, not {spec!r}.")
        path, _, pattern = target.partition(">")
        if pattern:
            links = re.findall(r'href="([^"#?]+)"', _fetch(base + path)[1])
            matching = [link for link in links if re.fullmatch(pattern, link)]
            if not matching:
                raise CommandError(f"No link on {path} matches {pattern!r}.")
            path = matching[0]
        status, _body = _fetch(base + path)
        if status != 200:
            raise CommandError(f"{path} answered {status}.")
        return name, path

    def _static_path(self, base: str) -> str:
        match = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', _fetch(f"{base}/de/")[1])
        if not match:
            raise CommandError(
                "No hashed stylesheet on the home page: is this the production shape?"
            )
        return match.group(1)

    # --- measuring ---------------------------------------------------------------------------

    def _wrk(self, url: str, options, cookie: str | None = None) -> dict:
        command = [
            "wrk", "--latency", "-t", "2", "-c", str(options["connections"]),
            "-d", f"{options['seconds']}s", "--timeout", "10s", url,
        ]  # fmt: skip
        if cookie:
            command[1:1] = ["-H", f"Cookie: {cookie}"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
        return _parse_wrk(result.stdout)

    def _singles(self, url: str, count: int) -> float:
        _fetch(url, _bypass_cookie())  # warm up the worker
        times = []
        for _ in range(count):
            start = time.perf_counter()
            _fetch(url, _bypass_cookie())
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    def _measure(self, base: str, name: str, path: str, options, static_file=False) -> dict:
        self.stdout.write(f"  {name}: {path}")
        url = base + path
        row = {"name": name, "path": path, "cached": self._wrk(url, options)}
        if not static_file:
            row["uncached"] = self._wrk(url, options, _bypass_cookie())
            row["single_ms"] = self._singles(url, options["singles"])
        return row

    # --- the report --------------------------------------------------------------------------

    def _report(self, rows: list[dict], options) -> None:
        static_rps = rows[0]["cached"]["rps"]
        header = (
            f"{'page':<20} {'cached req/s':>12} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'uncached req/s':>14} {'p50 ms':>7} {'p99 ms':>7} {'single ms':>9}"
        )
        self.stdout.write("\n" + header + "\n" + "-" * len(header))
        missed = []
        for row in rows:
            cached = row["cached"]
            ratio = cached["rps"] / static_rps
            line = (
                f"{row['name']:<20} {cached['rps']:>12.0f} {ratio:>6.0%} "
                f"{cached['p50']:>7.2f} {cached['p99']:>7.2f}"
            )
            if "uncached" in row:
                uncached = row["uncached"]
                line += (
                    f" {uncached['rps']:>14.0f} {uncached['p50']:>7.2f} {uncached['p99']:>7.2f}"
                    f" {row['single_ms']:>9.1f}"
                )
                if ratio < TARGET_CACHED_RATIO:
                    missed.append(f"{row['name']}: cached {ratio:.0%} of the static file")
                if row["single_ms"] >= TARGET_UNCACHED_MS:
                    missed.append(f"{row['name']}: uncached {row['single_ms']:.1f} ms")
                if cached["errors"] or uncached["errors"]:
                    missed.append(f"{row['name']}: non-2xx responses under load")
            self.stdout.write(line)
        self.stdout.write(
            f"\nTargets: cached pages >= {TARGET_CACHED_RATIO:.0%} of the static file's "
            f"throughput; uncached single request < {TARGET_UNCACHED_MS:.0f} ms (median)."
        )
        if missed:
            self.stdout.write("Missed: " + "; ".join(missed))
            if options["strict"]:
                raise CommandError("Targets missed.", returncode=1)
        else:
            self.stdout.write("All targets met.")
