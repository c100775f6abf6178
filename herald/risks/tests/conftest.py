import pytest

from herald.risks import services


@pytest.fixture(autouse=True)
def matrix_and_s04(request):
    """The matrix and S.04 come with the migrations, but a test that commits for real empties the
    database afterwards: put them back for every risk test."""
    committing = {"live_server", "transactional_db"} & set(request.fixturenames)
    request.getfixturevalue("transactional_db" if committing else "db")
    services.install_defaults()
