"""The photos and videos of one post, for whoever may see the post: approvers see what they approve
(thumbnails beside the alt text) and the person publishing downloads the files, without needing the
media library. A photo the library marks "May not be used" (someone shown withdrew consent, had their
details erased or must not be published) is no longer served here: a page says so instead."""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from herald.access import allow
from herald.consents.models import MediaAsset
from herald.consents.selectors import why_media_stopped
from herald.consents.withdrawal import GONE_BECAUSE
from herald.posts.models import Post
from herald.posts.views import POST_ROLES, _visible_post


def _asset_of(request: HttpRequest, pk: int, asset_pk: int) -> tuple[Post, MediaAsset]:
    post = _visible_post(request, pk)
    return post, get_object_or_404(post.media.all(), pk=asset_pk)


def _gone(request: HttpRequest, post: Post, asset: MediaAsset) -> HttpResponse | None:
    """The page served instead of a photo the media library says may not be used, if it may not."""
    why = why_media_stopped([asset.pk]).get(asset.pk)
    if why is None:
        return None
    page = {"post": post, "kind": asset.get_kind_display().lower(), "because": GONE_BECAUSE[why]}
    return render(request, "posts/media_gone.html", page, status=410)


def _serve(field: FieldFile, *, filename: str, content_type: str, attachment: bool) -> HttpResponse:
    if not field:
        raise Http404("No file")
    response = FileResponse(field.open("rb"), content_type=content_type, as_attachment=attachment, filename=filename)
    response["Cache-Control"] = "private, no-cache"
    return response


@allow(*POST_ROLES)
def thumbnail(request: HttpRequest, pk: int, asset_pk: int) -> HttpResponse:
    post, asset = _asset_of(request, pk, asset_pk)
    if gone := _gone(request, post, asset):
        return gone
    if asset.thumbnail:
        return _serve(
            asset.thumbnail, filename=f"thumbnail-{asset.pk}.jpg", content_type="image/jpeg", attachment=False
        )
    if asset.kind == "photo":
        return _serve(asset.file, filename=asset.original_filename, content_type=asset.content_type, attachment=False)
    raise Http404("No thumbnail")


@allow(*POST_ROLES)
def download(request: HttpRequest, pk: int, asset_pk: int) -> HttpResponse:
    post, asset = _asset_of(request, pk, asset_pk)
    if gone := _gone(request, post, asset):
        return gone
    extension = asset.file.name.rsplit(".", 1)[-1] if "." in asset.file.name else "bin"
    return _serve(
        asset.file, filename=f"{asset.title[:60]}.{extension}", content_type=asset.content_type, attachment=True
    )
