"""Speed of reading text in photos (consents/image_text.py: tesseract through pytesseract) and of
checking what it read (the engine's image_text), on photo-like images drawn here.

    .venv/bin/python bench/ocr.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "herald.settings")

import django  # noqa: E402

django.setup()

from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402

from herald.checks import Context, warm_up  # noqa: E402
from herald.checks.image_text import check_image_text  # noqa: E402
from herald.consents.image_text import read_words  # noqa: E402

LINES = ["STRICTLY CONFIDENTIAL", "Call Mrs Patel on 07911 123456", "14 Brookside, Burbage LE10 2TG"]


def photo(size: tuple[int, int], lines: list[str], seed: int = 7) -> Image.Image:
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=(90 + y * 80 // height, 110 + y * 60 // height, 70))
    for _ in range(width * height // 2400):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(5, 40)
        draw.ellipse([x, y, x + r, y + r], fill=(rng.randrange(40, 120), rng.randrange(60, 140), 60))
    image = image.filter(ImageFilter.GaussianBlur(2))
    draw = ImageDraw.Draw(image)
    scale = width / 1200
    board = (int(300 * scale), int(200 * scale), int(1000 * scale), int(560 * scale))
    draw.rectangle(board, fill=(235, 235, 228))
    font = ImageFont.load_default(size=int(40 * scale))
    for index, line in enumerate(lines):
        draw.text((board[0] + 30 * scale, board[1] + (30 + index * 90) * scale), line, fill=(20, 20, 20), font=font)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return Image.open(io.BytesIO(out.getvalue()))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}; load average {os.getloadavg()[0]:.1f}")
    warm_up()  # the rules and models load once per worker process, not per photo
    for size in ((800, 533), (1200, 800), (4000, 3000)):
        for label, lines in (("board with text", LINES), ("no text", [])):
            image = photo(size, lines)
            reads, checks = [], []
            for _ in range(args.repeats):
                started = time.perf_counter()
                words = read_words(image)
                reads.append(time.perf_counter() - started)
                started = time.perf_counter()
                report = check_image_text(words, Context())
                checks.append(time.perf_counter() - started)
            rules = sorted({f.finding.rule for f in report.findings})
            print(
                f"{size[0]}x{size[1]} {label}: OCR median {statistics.median(reads):.2f} s, "
                f"check {statistics.median(checks) * 1000:.2f} ms, {len(words)} words, findings {rules}"
            )


if __name__ == "__main__":
    main()
