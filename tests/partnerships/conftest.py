import pytest

from ludwigsburg_intl import demo as shared_demo
from partnerships import demo as partnerships_demo


@pytest.fixture
def partnerships_demo_content(db):
    """The shared and the partner-city demo content (independent of the other areas' demos)."""
    shared_demo.load()
    partnerships_demo.load()
