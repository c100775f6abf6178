"""The photos and videos of one post, for whoever may see the post: approvers see what they approve
(thumbnails beside the alt text) and the person publishing downloads the files, without needing the
media library."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from herald.access import allow
from herald.consents.models import MediaAsset
from herald.posts.views import POST_ROLES, _visible_post


def _asset_of(request: HttpRequest, pk: int, asset_pk: int) -> MediaAsset:
    post = _visible_post(request, pk)
    return get_object_or_404(post.media.all(), pk=asset_pk)


def _serve(field: FieldFile, *, filename: str, content_type: str, attachment: bool) -> HttpResponse:
    if not field:
        raise Http404("No file")
    response = FileResponse(field.open("rb"), content_type=content_type, as_attachment=attachment, filename=filename)
    response["Cache-Control"] = "private, max-age=300"
    return response


@allow(*POST_ROLES)
def thumbnail(request: HttpRequest, pk: int, asset_pk: int) -> HttpResponse:
    asset = _asset_of(request, pk, asset_pk)
    if asset.thumbnail:
        return _serve(
            asset.thumbnail, filename=f"thumbnail-{asset.pk}.jpg", content_type="image/jpeg", attachment=False
        )
    if asset.kind == "photo":
        return _serve(asset.file, filename=asset.original_filename, content_type=asset.content_type, attachment=False)
    raise Http404("No thumbnail")


@allow(*POST_ROLES)
def download(request: HttpRequest, pk: int, asset_pk: int) -> HttpResponse:
    asset = _asset_of(request, pk, asset_pk)
    extension = asset.file.name.rsplit(".", 1)[-1] if "." in asset.file.name else "bin"
    return _serve(
        asset.file, filename=f"{asset.title[:60]}.{extension}", content_type=asset.content_type, attachment=True
    )
