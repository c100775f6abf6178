"""Two filter forms on one page that share a field name ("q", "status") never share an id: each field,
its form group (which htmx swaps out of band) and its error summary take the form's own prefix."""

import re
from collections import Counter

import pytest
from django.template import Context, Template

from herald.people.forms import DirectoryFilter
from herald.posts.forms import ArchiveFilter
from herald.posts.models import Post

pytestmark = pytest.mark.django_db

BOTH = Template(
    '{% load govuk %}{% for form in forms %}<form>{% include "components/filter_errors.html" %}'
    "{% govuk_field form.q %}{% govuk_field form.status %}</form>{% endfor %}"
)


def test_two_filter_forms_sharing_field_names_on_one_page_share_no_id():
    # given the directory's search and the archive's filter on one page, both in error
    directory = DirectoryFilter({"q": "x" * 201, "status": "nonsense"})
    archive = ArchiveFilter({"q": "y" * 201, "status": "nonsense"}, posts=Post.objects.none())
    assert directory.errors and archive.errors
    html = BOTH.render(Context({"forms": [directory, archive]}))
    # then every id on the page is there once
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert [name for name, count in ids.items() if count > 1] == []
    # and each form's search box, its group and its error are its own
    for prefix in ("directory", "archive"):
        assert f'id="{prefix}-q-group"' in html and f'id="{prefix}-q-error"' in html
        assert f'id="{prefix}-errors"' in html
        assert f'href="#{prefix}-q"' in html  # the error summary leads to the form's own box
