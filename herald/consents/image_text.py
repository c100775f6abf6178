"""Reading the text in photos: after a photo is uploaded, a background task reads any words in it with
OCR (Debian's tesseract-ocr through pytesseract) and checks them like the words of a post. A screen, a
whiteboard, a letter or a name badge in a photo can carry personal data or a confidentiality marking
(the policy: images taken at work must not breach confidentiality). Each finding keeps the rectangles of
the image it came from; the media page and the posts that use the photo show them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytesseract
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageOps

from herald import checking
from herald.audit import services as audit
from herald.checks.image_text import WordBox
from herald.consents.models import MediaAsset

log = logging.getLogger(__name__)

# Words tesseract is less sure of than this (0-100) are noise from textures, foliage and brickwork.
MIN_CONFIDENCE = 55
# Small photos are enlarged before reading: tesseract reads text best at 20-40 pixels high.
MIN_LONG_SIDE = 1600
# Larger photos are reduced: reading a 24-megapixel image takes most of a minute and gains nothing.
MAX_LONG_SIDE = 3200


def _prepared(image: Image.Image) -> tuple[Image.Image, float]:
    """A grey-scale copy at a size tesseract reads well, and the factor from its pixels to the original's."""
    grey = ImageOps.exif_transpose(image).convert("L")
    long_side = max(grey.size)
    scale = 1.0
    if long_side < MIN_LONG_SIDE:
        scale = MIN_LONG_SIDE / long_side
    elif long_side > MAX_LONG_SIDE:
        scale = MAX_LONG_SIDE / long_side
    if scale != 1.0:
        grey = grey.resize((round(grey.width * scale), round(grey.height * scale)), Image.Resampling.LANCZOS)
    return grey, scale


def _words(data: dict[str, list[Any]], scale: float) -> Iterator[WordBox]:
    for i, text in enumerate(data["text"]):
        if not str(text).strip() or float(data["conf"][i]) < MIN_CONFIDENCE:
            continue
        yield WordBox(
            text=str(text),
            left=round(data["left"][i] / scale),
            top=round(data["top"][i] / scale),
            width=max(1, round(data["width"][i] / scale)),
            height=max(1, round(data["height"][i] / scale)),
            line=(data["block_num"][i], data["par_num"][i], data["line_num"][i]),
        )


def read_words(image: Image.Image) -> list[WordBox]:
    """The words tesseract reads in the image, with their boxes in the image's own pixels."""
    prepared, scale = _prepared(image)
    # Page segmentation 11 ("sparse text"): a photo holds a few pieces of text anywhere, not a page.
    data = pytesseract.image_to_data(prepared, lang="eng", config="--psm 11", output_type=pytesseract.Output.DICT)
    return list(_words(data, scale))


def read_text_in_photo(asset: MediaAsset) -> MediaAsset:
    """Read the text in `asset` (a photo), check it, and keep the text and the findings on the asset.
    A photo that cannot be read keeps the reason, so the media page can say so."""
    if asset.kind != MediaAsset.Kind.PHOTO:
        return asset
    error = ""
    text = ""
    findings: list[dict[str, object]] = []
    try:
        with asset.file.open("rb") as handle, Image.open(handle) as image:
            image.load()
            words = read_words(image)
        report = checking.check_text_in_image(words)
        text = report.text
        findings = [f.to_dict() for f in report.findings]
    except (OSError, pytesseract.TesseractError, RuntimeError) as problem:
        log.warning("Could not read the text in media asset %s: %s", asset.pk, problem)
        error = "Herald could not read the text in this photo; check it by eye before publishing."
    with transaction.atomic():
        asset = MediaAsset.objects.select_for_update().get(pk=asset.pk)
        asset.text_in_image = text
        asset.text_findings = findings
        asset.text_read_error = error
        asset.text_read_at = timezone.now()
        asset.save(update_fields=["text_in_image", "text_findings", "text_read_error", "text_read_at"])
        audit.record(
            actor=None,
            action="media.text_read",
            obj=asset,
            after={
                "characters": len(text),
                "findings": [f"{f['rule']} ({f['severity']})" for f in findings],
                "error": error,
            },
        )
    return asset
