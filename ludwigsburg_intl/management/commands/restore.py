import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db.migrations.loader import MigrationLoader

from ludwigsburg_intl.backup import (
    DUMP,
    MEDIA,
    BackupError,
    Database,
    client_dir,
    read_manifest,
    sha256_of,
)
from ludwigsburg_intl.page_cache import VERSION_TABLE

# With --force the old schema goes in the same transaction as the restore: either the backup
# is in place completely, or the database is left as it was.
REPLACE_SCHEMA = "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"


class Command(BaseCommand):
    help = (
        "Restore a backup written by `backup` (make backup): first check the archive, then "
        "restore the database in one transaction, then the media files. Refuses a database "
        "that has tables, or media files that differ, unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The backup file (portal-….tar).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database's content and media files that differ from the backup.",
        )
        parser.add_argument(
            "--database-name",
            help="Restore into this database on the same server instead of the configured one "
            "(e.g. to check a backup). It must exist.",
        )

    def handle(self, *args, **options):
        try:
            self.restore(Path(options["archive"]), options["force"], options["database_name"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc

    def restore(self, path: Path, force: bool, database_name: str | None):
        tar, manifest = read_manifest(path)  # checks every checksum before anything is touched
        with tar:
            database = Database.configured(database_name)
            tables, version_before = self.inspect(database)
            storage = storages["default"]
            differing = self.differing_media(storage, manifest["media"]["files"])
            if (tables or differing) and not force:
                problems = []
                if tables:
                    problems.append(
                        f"the {database.describe()} is not empty ({len(tables)} tables, "
                        f"e.g. {', '.join(tables[:3])})"
                    )
                if differing:
                    problems.append(
                        f"{len(differing)} media files exist with other content "
                        f"(e.g. {', '.join(differing[:3])})"
                    )
                raise BackupError(
                    f"Restore refused: {'; '.join(problems)}. Nothing was changed. To replace "
                    "them with the backup, run again with --force (make restore FILE=… FORCE=1)."
                )

            self.restore_database(tar, manifest, database, replace=bool(tables))
            self.after_database_restore(database, version_before)
            try:
                written = self.restore_media(tar, storage, manifest["media"]["files"], differing)
            except (OSError, BackupError) as exc:
                raise BackupError(
                    f"The database was restored, but the media files were not all written: "
                    f"{exc}. Fix the cause and run the restore again with --force."
                ) from exc

        self.stdout.write(
            f"Restored {path.name} (made {manifest['created']}) into the {database.describe()}"
            f"{' (its previous content was replaced)' if tables else ''}; media files: "
            f"{written} written, {len(manifest['media']['files']) - written} already in place."
        )
        if self.newer_migrations(manifest["migrations"]):
            self.stdout.write(
                "The code has migrations the backup lacks: run `manage.py migrate` before serving."
            )

    @staticmethod
    def newer_migrations(applied: dict) -> list[tuple[str, str]]:
        graph = MigrationLoader(None, ignore_no_migrations=True).graph
        return [(app, name) for app, name in graph.leaf_nodes() if name not in applied.get(app, [])]

    @staticmethod
    def inspect(database: Database) -> tuple[list[str], int | None]:
        """The target's tables in the public schema and its content version (if it has one)."""
        with database.connect() as conn:
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
                )
            ]
            version = None
            if VERSION_TABLE in tables:
                row = conn.execute(f"SELECT max(value) FROM {VERSION_TABLE}").fetchone()
                version = row[0]
        return tables, version

    @staticmethod
    def differing_media(storage, files: dict) -> list[str]:
        differing = []
        for name, entry in files.items():
            if storage.exists(name):
                with storage.open(name, "rb") as current:
                    if sha256_of(current) != entry["sha256"]:
                        differing.append(name)
        return differing

    def restore_database(self, tar, manifest, database: Database, replace: bool):
        server = database.server_major()
        dumped_by = manifest["database"]["pg_dump_version"]
        # pg_restore must read the archive (not older than its pg_dump) and write SQL the
        # server understands (the server's own version when available).
        bin_dir, _ = client_dir(
            ("pg_restore", "psql"), at_least=max(server, dumped_by), prefer=server
        )
        env = database.env()
        psql = [bin_dir / "psql", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"]
        psql += ["--single-transaction", f"--dbname={database.conninfo()}"]
        if replace:
            psql += ["--command", REPLACE_SCHEMA]
        with (
            tempfile.NamedTemporaryFile(suffix=".dump") as dump,
            tempfile.TemporaryFile() as restore_errors,
            tempfile.TemporaryFile() as psql_errors,
        ):
            source = tar.extractfile(DUMP)
            for chunk in iter(lambda: source.read(1024 * 1024), b""):
                dump.write(chunk)
            dump.flush()
            # pg_restore writes the SQL, psql runs it in one transaction that stops at the first
            # error. Owners and grants are left out: the restoring role owns what it restores.
            script = subprocess.Popen(
                [bin_dir / "pg_restore", "--no-owner", "--no-acl", "--file=-", dump.name],
                stdout=subprocess.PIPE,
                stderr=restore_errors,
                env=env,
            )
            applied = subprocess.Popen(
                [*psql, "--file=-"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=psql_errors,
                env=env,
            )
            try:
                for line in script.stdout:
                    if server < 17 and line == b"SET transaction_timeout = 0;\n":
                        continue  # written by pg_dump 17+, unknown to older servers (harmless)
                    applied.stdin.write(line)
            except BrokenPipeError:
                pass  # psql stopped at an error: reported below
            finally:
                script.stdout.close()
                try:
                    applied.stdin.close()
                except BrokenPipeError:
                    pass
                script.wait()
                applied.wait()
            if script.returncode or applied.returncode:
                restore_errors.seek(0)
                psql_errors.seek(0)
                errors = (restore_errors.read() + psql_errors.read()).decode(errors="replace")
                raise BackupError(
                    f"Restoring the database failed; the {database.describe()} was left as it "
                    f"was:\n{errors.strip()}"
                )

    @staticmethod
    def after_database_restore(database: Database, version_before: int | None):
        """Pages cached before the restore must not be served for the restored content: its
        content version moves past both the backup's and the replaced database's."""
        with database.connect() as conn:
            exists = conn.execute("SELECT to_regclass(%s) IS NOT NULL", [VERSION_TABLE])
            if exists.fetchone()[0]:
                conn.execute(
                    f"UPDATE {VERSION_TABLE} SET value = GREATEST(value, %s) + 1, "
                    "changed_at = now()",
                    [version_before or 0],
                )
        # The content version moved on, so no cached page of before is served again; clearing
        # the cache would empty the whole Redis database (FLUSHDB), not only the portal's keys.

    @staticmethod
    def restore_media(tar, storage, files: dict, differing: list[str]) -> int:
        written = 0
        for name in files:
            if storage.exists(name):
                if name not in differing:
                    continue  # the same file is already there
                storage.delete(name)
            content = File(tar.extractfile(f"{MEDIA}/{name}"), name=name)
            content.size = files[name]["size"]
            saved = storage.save(name, content)
            if saved != name:
                raise BackupError(f"The media file {name} was stored as {saved}.")
            written += 1
        return written
