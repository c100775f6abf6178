import pytest

from herald import checking
from herald.factories import PersonFactory
from herald.people.roles import Role
from herald.social_accounts.models import Platform
from herald.social_accounts.tests.factories import AccountFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_register():
    # The councillor register is cached for a minute; each test builds its own.
    checking.forget_caches()
    yield
    checking.forget_caches()


@pytest.fixture
def facebook(editor):
    return AccountFactory(
        platform=Platform.FACEBOOK,
        display_name="Hinckley & Bosworth Borough Council",
        handle="hinckleybosworth",
        editors=[editor],
    )


@pytest.fixture
def x_account(editor):
    return AccountFactory(platform=Platform.X, display_name="HBBC on X", handle="hbbc", editors=[editor])


@pytest.fixture
def another_comms_officer(db):
    """A second member of the communications team: the four eyes that check a colleague's change."""
    return PersonFactory(roles=[Role.COMMS], job_title="Senior Communications Officer", email="comms2@council.example")
