"""Readable PDFs (the archive for FOI requests, subject-access packs) drawn by WeasyPrint from a Django
template. WeasyPrint fetches nothing: pictures are put in the page as data: addresses by the caller, and
any other address in the HTML (a link in a post's text, say) is refused, so an export never reaches out."""

from __future__ import annotations

import base64
import mimetypes

from django.http import HttpResponse
from django.template.loader import render_to_string


def html_to_pdf(html: str) -> bytes:
    """The HTML printed as a PDF, fetching nothing but data: addresses (no file on the server, nothing
    on the network), whatever the HTML points at."""
    # Imported when first needed: WeasyPrint loads Pango.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    only_data = URLFetcher(allowed_protocols={"data"}, timeout=1, allow_redirects=False)
    return bytes(HTML(string=html, url_fetcher=only_data, base_url="about:blank").write_pdf())


def render_pdf(template: str, context: dict) -> bytes:
    return html_to_pdf(render_to_string(template, context))


def pdf_response(filename: str, template: str, context: dict) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def data_uri(file_field: object) -> str:
    """A stored image as a data: address, or "" when there is no file or it cannot be read."""
    name = getattr(file_field, "name", "")
    if not name:
        return ""
    try:
        with file_field.open("rb") as handle:  # type: ignore[attr-defined]
            content = handle.read()
    except OSError:
        return ""
    kind = mimetypes.guess_type(name)[0] or "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"
