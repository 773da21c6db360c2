import pytest

from .servers import Postgres, manage, portal_env


@pytest.fixture(scope="module")
def own_postgres():
    """A migrated PostgreSQL of the module's own, which tests may stop and start."""
    postgres = Postgres()
    manage(portal_env(postgres.url), "migrate", "--noinput", "-v", "0")
    yield postgres
    postgres.destroy()
