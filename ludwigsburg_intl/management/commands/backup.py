import datetime
import io
import json
import os
import tarfile
import tempfile
import time
from pathlib import Path

from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from ludwigsburg_intl.backup import (
    DUMP,
    FORMAT,
    MANIFEST,
    MEDIA,
    BackupError,
    Database,
    add_stream,
    client_dir,
    default_backup_dir,
    human_size,
    media_files,
    run,
    sha256_of,
)


class Command(BaseCommand):
    help = (
        "Write a backup of the portal, one tar file: a consistent PostgreSQL dump (custom "
        "format), every media file and a manifest with checksums. The file is named "
        "portal-<UTC time>.tar and goes to --output-dir, BACKUP_DIR or var/backups/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir", help="Directory for the archive (default: BACKUP_DIR or var/backups/)."
        )

    def handle(self, *args, **options):
        try:
            path, manifest = self.backup(Path(options["output_dir"] or default_backup_dir()))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            database, media = manifest["database"], manifest["media"]
            self.stdout.write(
                f"Backup written: {path} ({human_size(path.stat().st_size)}): database "
                f"{database['name']!r} ({human_size(database['size'])}), "
                f"{len(media['files'])} media files ({human_size(media['bytes'])})."
            )

    def backup(self, directory: Path) -> tuple[Path, dict]:
        directory.mkdir(parents=True, exist_ok=True)
        started = datetime.datetime.now(datetime.UTC)
        path = directory / f"portal-{started:%Y%m%d-%H%M%S}Z.tar"
        if path.exists():
            raise BackupError(f"{path} exists already; wait a second and run again.")
        database = Database.configured()
        server = database.server_major()
        bin_dir, client = client_dir(("pg_dump",), at_least=server, prefer=server)

        # Everything is written under a temporary name and renamed at the end: a file named
        # portal-….tar is always complete. Backups hold personal data: readable by the owner only.
        old_umask = os.umask(0o077)
        partial = path.with_suffix(".tar.partial")
        try:
            with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as scratch:
                dump = Path(scratch) / DUMP
                # The database first, then the media: a file uploaded meanwhile is only extra.
                run(
                    [bin_dir / "pg_dump", "--format=custom", "--file", dump, database.conninfo()],
                    database.env(),
                    f"pg_dump of the {database.describe()}",
                )
                manifest = self.write_archive(partial, dump, started, server, client)
            partial.rename(path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        finally:
            os.umask(old_umask)

        return path, manifest

    def write_archive(self, path, dump, started, server, client) -> dict:
        storage = storages["default"]
        files = {}
        with tarfile.open(path, "w:", format=tarfile.PAX_FORMAT) as tar:
            with dump.open("rb") as source:
                database = {"size": dump.stat().st_size, "sha256": sha256_of(source)}
            tar.add(dump, arcname=DUMP)
            for name in media_files(storage):
                size = storage.size(name)
                try:
                    mtime = storage.get_modified_time(name).timestamp()
                except NotImplementedError:
                    mtime = time.time()
                with storage.open(name, "rb") as source:
                    digest = add_stream(tar, f"{MEDIA}/{name}", source, size, mtime)
                files[name] = {"size": size, "sha256": digest}
            manifest = {
                "format": FORMAT,
                "created": started.isoformat(),
                "database": {
                    "name": connection.settings_dict["NAME"],
                    "server_version": server,
                    "pg_dump_version": client,
                    **database,
                },
                "migrations": self.migration_state(),
                "media": {
                    "storage": f"{type(storage).__module__}.{type(storage).__qualname__}",
                    "bytes": sum(entry["size"] for entry in files.values()),
                    "files": files,
                },
            }
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), time.time(), 0o600
            tar.addfile(info, io.BytesIO(data))
            tar.fileobj.flush()
            os.fsync(tar.fileobj.fileno())
        return manifest

    @staticmethod
    def migration_state() -> dict:
        applied = {}
        for app, name in MigrationRecorder(connection).applied_migrations():
            applied.setdefault(app, []).append(name)
        return {app: sorted(names) for app, names in sorted(applied.items())}
