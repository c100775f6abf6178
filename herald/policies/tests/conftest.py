import pytest

from herald.policies import services


@pytest.fixture
def policy_documents(db):
    """The two shipped documents. The data migration installs them, but a browser test's flush removes them."""
    services.install_default_documents()
    from herald.policies.models import PolicyDocument

    return {d.slug: d for d in PolicyDocument.objects.all()}
