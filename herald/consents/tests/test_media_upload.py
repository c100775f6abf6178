"""The media library stores only what it has checked, with identifying metadata removed."""

import io

import pytest
from PIL import Image

from herald.consents import services
from herald.consents.models import MediaAsset
from herald.consents.services import AssetDetails
from herald.consents.tests.factories import jpeg_bytes
from herald.errors import Refused

pytestmark = pytest.mark.django_db

DETAILS = AssetDetails(title="Lights switch-on", alt_text="Crowd watching the lights come on", source="own")


def jpeg_with_gps_and_serial(size=(40, 20)) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone on its side
    exif[0x8825] = {1: "N", 2: (52.0, 32.0, 10.0), 3: "W", 4: (1.0, 22.0, 5.0)}
    exif[0x8769] = {0xA431: "SN-12345"}
    return jpeg_bytes(size=size, exif=exif)


def test_gps_and_the_camera_serial_are_gone_from_the_stored_copy(editor):
    original = jpeg_with_gps_and_serial()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825), "the test photo has a location"
    asset = services.upload_media(original, filename="IMG_0001.JPG", details=DETAILS, by=editor)
    stored = asset.file.read()
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif().get_ifd(0x8825) and not image.getexif()
        assert image.size == (20, 40), "turned upright before the orientation tag was dropped"
    assert b"SN-12345" not in stored
    assert asset.metadata_stripped and asset.kind == MediaAsset.Kind.PHOTO and asset.content_type == "image/jpeg"
    assert asset.thumbnail and asset.width == 20 and asset.height == 40


def test_a_renamed_executable_is_refused(editor):
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
    with pytest.raises(Refused, match="not a photo or video"):
        services.upload_media(program, filename="holiday.jpg", details=DETAILS, by=editor)
    assert MediaAsset.objects.count() == 0


def test_a_file_that_claims_to_be_a_jpeg_but_does_not_decode_is_refused(editor):
    broken = jpeg_bytes()[:40]
    with pytest.raises(Refused, match="damaged"):
        services.upload_media(broken, filename="photo.jpg", details=DETAILS, by=editor)


def test_size_limits_are_configurable(settings, editor):
    settings.HERALD_CONSENT_MAX_IMAGE_MB = 0
    with pytest.raises(Refused, match="smaller than 0MB"):
        services.upload_media(jpeg_bytes(), filename="photo.jpg", details=DETAILS, by=editor)


def test_png_keeps_its_format_and_photos_need_alt_text(editor):
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(out, format="PNG")
    asset = services.upload_media(out.getvalue(), filename="logo.png", details=DETAILS, by=editor)
    assert asset.content_type == "image/png" and asset.file.name.endswith(".png")
    with pytest.raises(Refused, match="alt text"):
        services.upload_media(
            out.getvalue(), filename="logo.png", details=AssetDetails(title="x", alt_text="", source="own"), by=editor
        )


def test_a_video_is_stored_as_is_and_says_its_metadata_could_not_be_removed(editor):
    mp4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 100
    asset = services.upload_media(
        mp4, filename="clip.mp4", details=AssetDetails(title="Clip", alt_text="", source="own"), by=editor
    )
    assert asset.kind == MediaAsset.Kind.VIDEO and not asset.metadata_stripped
    assert "cannot remove metadata" in asset.metadata_note


def test_the_upload_page_refuses_a_renamed_executable_and_keeps_nothing(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(editor)
    response = client.post(
        reverse("consents:media_upload"),
        {
            "file": SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + b"\x00" * 100, content_type="image/jpeg"),
            "title": "Photo",
            "alt_text": "A photo",
            "source": "own",
        },
    )
    assert response.status_code == 200
    assert "not a photo or video Herald accepts" in response.content.decode()
    assert MediaAsset.objects.count() == 0


def test_media_files_are_served_only_to_staff_who_may_see_them(client, editor, employee):
    from django.urls import reverse

    asset = services.upload_media(jpeg_bytes(), filename="p.jpg", details=DETAILS, by=editor)
    client.force_login(employee)
    assert client.get(reverse("consents:media_file", args=[asset.pk])).status_code == 403
    client.force_login(editor)
    response = client.get(reverse("consents:media_file", args=[asset.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def png_header(width: int, height: int) -> bytes:
    """A PNG that says how large it is and holds almost nothing: as small on disk as the 230 KB file
    of 7,700 × 7,700 pixels that took a gigabyte to decode."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def test_the_upload_page_refuses_a_small_file_holding_a_huge_photo_before_decoding_it(client, editor, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    def refuse(*args, **kwargs):
        raise AssertionError("the photo was decoded")

    monkeypatch.setattr(Image.Image, "load", refuse)
    client.force_login(editor)
    response = client.post(
        reverse("consents:media_upload"),
        {
            "file": SimpleUploadedFile("poster.png", png_header(7700, 7700), content_type="image/png"),
            "title": "Poster",
            "alt_text": "The fair's poster",
            "source": "own",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "7,700 × 7,700 pixels, which is too large: it must be at most 40 megapixels" in body
    assert "govuk-error-summary" in body
    assert MediaAsset.objects.count() == 0


def test_the_pixel_limit_is_a_setting(settings, editor):
    settings.HERALD_CONSENT_MAX_IMAGE_MEGAPIXELS = 1
    with pytest.raises(Refused, match="at most 1 megapixels"):
        services.upload_media(jpeg_bytes(size=(1200, 1000)), filename="photo.jpg", details=DETAILS, by=editor)
    assert services.upload_media(jpeg_bytes(size=(1000, 1000)), filename="photo.jpg", details=DETAILS, by=editor)
