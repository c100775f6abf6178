"""What a PDF printer opens: the tests proving Herald's PDFs fetch nothing their HTML points at share it."""

import urllib.request


def fetches_seen(monkeypatch) -> list[str]:
    """Every address urllib opens from now on (WeasyPrint's default fetcher goes through it), in order; the
    list fills as the test runs."""
    opened: list[str] = []
    real_open = urllib.request.OpenerDirector.open

    def spy(self, url, *args, **kwargs):
        opened.append(getattr(url, "full_url", url))
        return real_open(self, url, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", spy)
    return opened
