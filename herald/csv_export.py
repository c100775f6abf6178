"""The one CSV writer every export uses, so no cell opens as a formula in a spreadsheet.

Excel, LibreOffice Calc and Google Sheets treat a cell whose first character is `=`, `+`, `-`, `@`,
a tab or a carriage return as a formula (OWASP "CSV injection"). Names, purposes and addresses reach
our exports from public request forms and the HR feed, so any text cell that starts with one of those,
even after leading spaces, goes out with a single quote in front: the spreadsheet shows text, and the
quote makes the change visible to anyone reading the file as plain text. See
docs/decisions/0002-csv-exports-are-safe-to-open.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets skip these before deciding whether a cell is a formula (" =1+1" is still a formula in some).
_IGNORED_LEADING = " \t\r\n\u00a0"


def safe_cell(value: object) -> object:
    """The value as it should be written: text that could open as a formula gets a leading quote.

    Numbers, dates and other values Herald computes itself pass through untouched."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_STARTS) or value.lstrip(_IGNORED_LEADING).startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[object]], *, byte_order_mark: bool = False
) -> HttpResponse:
    """A CSV download: the header row, then every row with each cell made safe to open."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if byte_order_mark:
        # Excel reads a UTF-8 file as UTF-8 only when it starts with the byte order mark.
        response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
