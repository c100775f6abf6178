"""The evidence snapshot of a comment (words written by anyone on the internet) is printed without
fetching anything its HTML points at: no file on the server, no address on the network."""

import datetime as dt

import pytest

from herald.moderation.services import evidence
from testing.factories import AccountFactory, comment
from testing.fetches import fetches_seen


@pytest.mark.django_db
def test_printing_a_comments_evidence_fetches_nothing_its_html_points_at(monkeypatch, tmp_path):
    from PIL import Image

    said = comment(AccountFactory(), "Look at this https://192.0.2.1/tracker.png")
    secret = tmp_path / "secret.png"
    Image.new("RGB", (4, 4), "red").save(secret)
    real_render = evidence.render_to_string

    def pointing(template, context):
        # as HTML that slipped past escaping would
        return real_render(template, context).replace(
            "</body>",
            f'<img src="file://{secret}" alt=""><img src="http://192.0.2.1/tracker.png" alt=""></body>',
        )

    monkeypatch.setattr(evidence, "render_to_string", pointing)
    opened = fetches_seen(monkeypatch)

    pdf = evidence.render_pdf(said, reason_label="Threat", taken_at=dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC))

    assert pdf.startswith(b"%PDF")
    assert [url for url in opened if not url.startswith("data:")] == []
