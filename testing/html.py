"""Reading a rendered page's markup the way assistive technology does."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1


def duplicate_ids(page: str) -> list[str]:
    """Each id given to more than one element: a label, an error summary link or aria-describedby
    pointing at such an id reaches only the first (WCAG 4.1.1 / 1.3.1)."""
    parser = _Ids()
    parser.feed(page)
    return sorted(name for name, count in parser.ids.items() if count > 1)
