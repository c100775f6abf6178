import pytest

from herald.posts import checking
from herald.social_accounts.models import Platform
from herald.social_accounts.tests.factories import AccountFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_register():
    # The councillor register is cached for a minute; each test builds its own.
    checking.forget_register()
    yield
    checking.forget_register()


@pytest.fixture
def facebook(editor):
    return AccountFactory(platform=Platform.FACEBOOK, display_name="Hinckley & Bosworth Borough Council",
                          handle="hinckleybosworth", editors=[editor])


@pytest.fixture
def x_account(editor):
    return AccountFactory(platform=Platform.X, display_name="HBBC on X", handle="hbbc", editors=[editor])
