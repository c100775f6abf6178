"""Text read from a photo (a screen, a whiteboard, a letter, a name badge), checked like the words of a
post and pointed back at the part of the image it came from.

OCR happens outside the engine (the Django side runs tesseract in a background task); this module takes
the words it read with their boxes, rebuilds the lines, runs the same checks as for a post on the same
account (without the rules about writing a post: length, hashtags, readability) and gives each finding
the rectangles of the words it covers, in the image's pixels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .config import Rules
from .engine import check
from .model import Context, Draft, Finding


@dataclass(frozen=True)
class WordBox:
    """One word the OCR read, its box in pixels, and the line it belongs to (any hashable key that is
    the same for words on one line, such as tesseract's (block, paragraph, line) numbers)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    line: object = 0


@dataclass(frozen=True)
class Region:
    left: int
    top: int
    width: int
    height: int

    def to_dict(self) -> dict[str, int]:
        return {"left": self.left, "top": self.top, "width": self.width, "height": self.height}


@dataclass(frozen=True)
class ImageFinding:
    finding: Finding
    regions: tuple[Region, ...]  # one rectangle per line of text the finding covers; empty for whole-image findings

    def to_dict(self) -> dict[str, object]:
        return {**self.finding.to_dict(), "regions": [r.to_dict() for r in self.regions]}


@dataclass(frozen=True)
class ImageTextReport:
    text: str  # the lines read, joined with newlines (what the findings' start/end index)
    findings: list[ImageFinding]

    @property
    def blocking(self) -> bool:
        return any(f.finding.severity == "block" for f in self.findings)

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "findings": [f.to_dict() for f in self.findings]}


def _layout(words: Iterable[WordBox]) -> tuple[str, list[tuple[int, int, WordBox]]]:
    """The text as lines of words (in the order read) and each word's span in it."""
    pieces: list[str] = []
    spans: list[tuple[int, int, WordBox]] = []
    position = 0
    last_line: object = None
    for word in words:
        token = word.text.strip()
        if not token:
            continue
        if spans:
            separator = " " if word.line == last_line else "\n"
            pieces.append(separator)
            position += 1
        pieces.append(token)
        spans.append((position, position + len(token), word))
        position += len(token)
        last_line = word.line
    return "".join(pieces), spans


def _regions(start: int, end: int, spans: list[tuple[int, int, WordBox]]) -> tuple[Region, ...]:
    by_line: dict[object, list[WordBox]] = {}
    for s, e, word in spans:
        if s < end and start < e:
            by_line.setdefault(word.line, []).append(word)
    regions = []
    for boxes in by_line.values():
        left = min(b.left for b in boxes)
        top = min(b.top for b in boxes)
        right = max(b.left + b.width for b in boxes)
        bottom = max(b.top + b.height for b in boxes)
        regions.append(Region(left, top, right - left, bottom - top))
    return tuple(regions)


def check_image_text(
    words: Iterable[WordBox], context: Context | None = None, *, platform: str = "facebook", rules: Rules | None = None
) -> ImageTextReport:
    """Check the words read from one image as text the account would publish."""
    text, spans = _layout(words)
    if not text:
        return ImageTextReport(text="", findings=[])
    report = check(Draft(text=text, platform=platform, kind="image"), context, rules=rules)
    found = [
        ImageFinding(f, _regions(f.start, f.end, spans) if f.start is not None and f.end is not None else ())
        for f in report.findings
    ]
    return ImageTextReport(text=text, findings=found)
