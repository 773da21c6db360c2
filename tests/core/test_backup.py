"""make backup / make restore: content and uploaded images survive the round trip; a restore
never overwrites a database or media files by surprise and never stops half-way.

Runs on whatever server the tests use (DATABASE_URL or the embedded one): the backup is taken
of the test database and restored into a scratch database created next to it.
"""

import io
import shutil
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from PIL import Image

from ludwigsburg_intl import history
from ludwigsburg_intl.backup import Database
from ludwigsburg_intl.management.commands import restore as restore_command
from ludwigsburg_intl.models import SitePage
from partnerships.models import CityImage, PartnerCity

# The tests themselves use only the scratch database; the mark makes pytest-django point the
# module's fixture at the test database.
pytestmark = pytest.mark.django_db


def jpeg(width=400, height=300):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 104)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A site page and a partner city with an uploaded picture, committed (pg_dump sees only
    committed rows), and one backup of them for the module; the content goes again afterwards."""
    base = tmp_path_factory.mktemp("backup")
    with override_settings(MEDIA_ROOT=base / "media"):
        with django_db_blocker.unblock():
            page = SitePage.objects.create(
                slug="impressum",
                title_de="Impressum",
                body_de="Stadt Ludwigsburg, Wilhelmstraße 11.",
            )
            city = PartnerCity.objects.create(
                slug="bildstadt", name_de="Bildstadt", country_de="Land", summary_de="Kurz."
            )
            image = CityImage.objects.create(
                city=city,
                image=SimpleUploadedFile("marktplatz.jpg", jpeg()),
                alt_text_de="Der Marktplatz mit Brunnen",
                credit="Foto: Stadt Ludwigsburg",
            )
            try:
                output = io.StringIO()
                call_command("backup", output_dir=str(base / "backups"), stdout=output)
                names = [image.image.name, *(r["name"] for r in image.renditions)]
                files = {name: (base / "media" / name).read_bytes() for name in names}
            finally:
                recorded = [(type(obj), obj.pk) for obj in (page, city, image)]
                page.delete()
                city.delete()
                # Their history goes too: other tests count the recorded changes.
                for model, pk in recorded:
                    history.event_model(model).objects.filter(pgh_obj_id=pk).delete()
    assert "Backup written" in output.getvalue()
    (archive,) = (base / "backups").glob("portal-*.tar")
    return archive, image.image.name, files


@pytest.fixture
def archive(backup, tmp_path):
    """A copy of the module's backup, which the test may change."""
    return Path(shutil.copy(backup[0], tmp_path))


@pytest.fixture
def upload(backup):
    """The uploaded picture's name in the storage."""
    return backup[1]


@pytest.fixture
def media_files(backup):
    """The uploaded picture and its renditions: name and content."""
    return backup[2]


@pytest.fixture(scope="module")
def _scratch_server_database(django_db_setup, django_db_blocker):
    name = f"restore_{uuid.uuid4().hex[:12]}"
    server = Database.configured("postgres")
    with server.connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield Database.configured(name)
    with server.connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scratch_database(_scratch_server_database):
    """An empty database on the test server (one per module, emptied for each test: creating
    and dropping databases is slow)."""
    query(_scratch_server_database, "DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    return _scratch_server_database


def query(database, sql):
    with database.connect() as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description else None


def restore(archive, database, **options):
    call_command("restore", str(archive), database_name=database.name, **options)


def test_content_and_images_survive_backup_and_restore(
    archive, upload, media_files, scratch_database, settings, tmp_path
):
    settings.MEDIA_ROOT = restored_media = tmp_path / "restored-media"

    restore(archive, scratch_database)

    assert query(
        scratch_database, "SELECT slug, title_de, body_de FROM ludwigsburg_intl_sitepage"
    ) == [("impressum", "Impressum", "Stadt Ludwigsburg, Wilhelmstraße 11.")]
    assert query(scratch_database, "SELECT image, alt_text_de FROM partnerships_cityimage") == [
        (upload, "Der Marktplatz mit Brunnen")
    ]
    assert len(media_files) == 3  # the upload and its renditions, 320 and 400 pixels wide
    for name, data in media_files.items():
        assert (restored_media / name).read_bytes() == data
    # The page cache still learns of every change in the restored database.
    version = query(scratch_database, "SELECT value FROM portal_content_version")[0][0]
    query(scratch_database, "UPDATE ludwigsburg_intl_sitepage SET title_de = 'Geändert'")
    assert query(scratch_database, "SELECT value FROM portal_content_version")[0][0] == version + 1


def test_a_restore_into_a_database_with_content_is_refused_without_force(
    archive, scratch_database, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    restore(archive, scratch_database)
    query(scratch_database, "UPDATE ludwigsburg_intl_sitepage SET title_de = 'Geändert'")
    query(scratch_database, "CREATE TABLE newer_than_the_backup (id int)")

    with pytest.raises(CommandError) as refused:
        restore(archive, scratch_database)
    assert "not empty" in str(refused.value)
    assert "--force" in str(refused.value)
    assert "Nothing was changed" in str(refused.value)
    assert query(scratch_database, "SELECT title_de FROM ludwigsburg_intl_sitepage") == [
        ("Geändert",)
    ]

    version_before = query(scratch_database, "SELECT value FROM portal_content_version")[0][0]
    restore(archive, scratch_database, force=True)
    assert query(scratch_database, "SELECT title_de FROM ludwigsburg_intl_sitepage") == [
        ("Impressum",)
    ]
    tables = {row[0] for row in query(scratch_database, "SELECT tablename FROM pg_tables")}
    assert "newer_than_the_backup" not in tables
    # Pages cached for the replaced content are never served for the restored one.
    assert (
        query(scratch_database, "SELECT value FROM portal_content_version")[0][0] > version_before
    )


def test_media_files_with_other_content_are_not_overwritten_without_force(
    archive, upload, media_files, scratch_database, settings, tmp_path
):
    settings.MEDIA_ROOT = restored_media = tmp_path / "restored-media"
    other = restored_media / upload
    other.parent.mkdir(parents=True)
    other.write_bytes(b"another picture")

    with pytest.raises(CommandError) as refused:
        restore(archive, scratch_database)
    assert "media files exist with other content" in str(refused.value)
    assert other.read_bytes() == b"another picture"
    assert not query(
        scratch_database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    )

    restore(archive, scratch_database, force=True)
    assert other.read_bytes() == media_files[upload]


def test_a_restore_that_fails_half_way_leaves_the_database_as_it_was(
    archive, scratch_database, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    restore(archive, scratch_database)
    query(scratch_database, "UPDATE ludwigsburg_intl_sitepage SET title_de = 'Geändert'")
    # A table in the way makes the restore script fail after it has dropped the old schema
    # and created some of the new tables.
    monkeypatch.setattr(
        restore_command,
        "REPLACE_SCHEMA",
        restore_command.REPLACE_SCHEMA + " CREATE TABLE public.partnerships_cityimage (id int);",
    )

    with pytest.raises(CommandError) as failed:
        restore(archive, scratch_database, force=True)
    assert "was left as it was" in str(failed.value)
    assert query(scratch_database, "SELECT title_de FROM ludwigsburg_intl_sitepage") == [
        ("Geändert",)
    ]


def test_a_damaged_archive_is_refused_before_anything_is_touched(
    archive, scratch_database, settings, tmp_path
):
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith("media/"))
    with archive.open("r+b") as raw:
        raw.seek(member.offset_data + 10)
        byte = raw.read(1)
        raw.seek(member.offset_data + 10)
        raw.write(bytes([byte[0] ^ 0xFF]))
    settings.MEDIA_ROOT = restored_media = tmp_path / "restored-media"

    with pytest.raises(CommandError) as refused:
        restore(archive, scratch_database)
    assert "damaged" in str(refused.value)
    assert not query(
        scratch_database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    )
    assert not restored_media.exists()


def test_a_file_that_is_no_backup_is_refused(tmp_path, scratch_database):
    not_a_backup = tmp_path / "notes.tar"
    with tarfile.open(not_a_backup, "w") as tar:
        tar.add(__file__, arcname="notes.txt")
    with pytest.raises(CommandError, match="not a portal backup"):
        restore(not_a_backup, scratch_database)


def test_the_password_goes_to_the_client_programs_by_environment_never_on_the_command_line():
    database = Database(
        {"dbname": "portal", "host": "db.example.org", "user": "portal", "password": "s3cret"}
    )
    assert "s3cret" not in database.conninfo()
    assert "host=db.example.org" in database.conninfo()
    assert database.env()["PGPASSWORD"] == "s3cret"
