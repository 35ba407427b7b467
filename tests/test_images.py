"""Photos: what is refused and why, what is stored, and what the story page serves."""

import io
import struct
import zlib
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles import images
from articles.models import Article, Person
from tests import factories
from tests.test_admin import admin_url, form_data

EXIF_ORIENTATION = 0x0112
EXIF_GPS = 0x8825


def photo(image_format="JPEG", size=(1600, 900), mode="RGB", **save_options):
    out = io.BytesIO()
    Image.new(mode, size, "teal").save(out, image_format, **save_options)
    return out.getvalue()


def jpeg_with_exif(size=(300, 200), orientation=6):
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"  # camera make
    return photo("JPEG", size, exif=exif.tobytes())


def png_claiming(width, height):
    """A tiny PNG whose header claims `width` × `height`: a decompression bomb's calling card."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def opened(content):
    return Image.open(io.BytesIO(content))


# The module on its own ------------------------------------------------------------------

@pytest.mark.parametrize("image_format, extension", [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")])
def test_the_four_formats_are_accepted_and_keep_their_format(image_format, extension):
    cleaned = images.clean(io.BytesIO(photo(image_format, (64, 48))))

    assert (cleaned.extension, cleaned.width, cleaned.height) == (extension, 64, 48)
    assert opened(cleaned.content).format == image_format


def test_exif_is_dropped_and_orientation_applied():
    cleaned = images.clean(io.BytesIO(jpeg_with_exif(size=(300, 200), orientation=6)))

    image = opened(cleaned.content)
    assert image.size == (200, 300)  # rotated as the camera meant it
    assert not image.getexif()


def test_bytes_after_the_image_are_not_kept():
    cleaned = images.clean(io.BytesIO(photo("JPEG", (64, 48)) + b"<?php system($_GET['c']); ?>"))

    assert b"<?php" not in cleaned.content


@pytest.mark.parametrize(
    "content, message",
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not a photo we can publish"),
        (b"Dear editor, please find my story attached.", "not a photo we can publish"),
        (photo("JPEG")[:2000], "damaged or incomplete"),
        (photo("BMP", (64, 48)), "BMP images are not accepted"),
        (png_claiming(10_000, 6_000), "10000 × 6000 pixels is too large; the limit is 50 megapixels"),
        (png_claiming(60_000, 60_000), "too large; the limit is 50 megapixels"),
        (b"\xff\xd8" + b"\0" * (10 * 1024 * 1024), "the limit is 10 MB"),
    ],
    ids=["svg", "text renamed .jpg", "truncated", "bmp", "over 50 megapixels", "decompression bomb", "over 10 MB"],
)
def test_bad_uploads_are_refused_with_a_reason(content, message):
    with pytest.raises(images.ImageRejected, match=message):
        images.clean(io.BytesIO(content))


def test_renditions_are_narrower_webp_and_jpeg_copies():
    made = images.renditions(images.clean(io.BytesIO(photo("JPEG", (1000, 500)))).content)

    assert [(r.width, r.height, r.extension) for r in made] == [
        (480, 240, "webp"), (480, 240, "jpg"), (800, 400, "webp"), (800, 400, "jpg"),
    ]
    assert opened(made[0].content).format == "WEBP"


@pytest.mark.parametrize("image_format", ["GIF", "WEBP"])
def test_a_transparent_photo_gets_jpeg_fallbacks_on_white_not_black(image_format):
    transparent = io.BytesIO()
    Image.new("RGBA", (1000, 500), (0, 0, 0, 0)).save(transparent, image_format)

    made = images.renditions(images.clean(io.BytesIO(transparent.getvalue())).content)

    fallback = next(r for r in made if r.extension != "webp")
    assert fallback.extension == images.fallback_extension(image_format.lower()) == "jpg"
    assert opened(fallback.content).convert("RGB").getpixel((10, 10)) == (255, 255, 255)


def test_a_png_keeps_png_fallbacks():
    made = images.renditions(images.clean(io.BytesIO(photo("PNG", (1000, 500), mode="RGBA"))).content)

    assert {r.extension for r in made} == {"webp", "png"}


# Through the admin ----------------------------------------------------------------------

def upload(content, name="photo.jpg"):
    return SimpleUploadedFile(name, content)


@pytest.mark.django_db
def test_lead_image_is_stored_under_a_generated_name_with_renditions_and_served_with_srcset(editor_client, media_root):
    article = factories.make_article("With a photo")
    url = admin_url(Article, "change", article.pk)
    data = form_data(editor_client.get(url), "article_form")

    response = editor_client.post(url, {
        **data, "lead_image": upload(jpeg_with_exif((1600, 900), orientation=1), "../../etc/minister-home-address.jpg"),
        "lead_image_alt": "The two ministers shake hands", "lead_image_caption": "In Beijing", "lead_image_credit": "Xinhua",
    })

    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert article.lead_image.name.startswith("lead-images/") and "minister" not in article.lead_image.name
    stored = sorted(path.name for path in (media_root / "lead-images").iterdir())
    stem = article.lead_image.name.split("/")[1].removesuffix(".jpg")
    assert stored == sorted(f"{stem}{suffix}" for suffix in [
        ".jpg", "-480w.jpg", "-480w.webp", "-800w.jpg", "-800w.webp", "-1200w.jpg", "-1200w.webp"])
    assert not opened((media_root / article.lead_image.name).read_bytes()).getexif()

    html = editor_client.get(article.get_absolute_url()).content.decode()
    assert f'srcset="/media/lead-images/{stem}-480w.webp 480w, /media/lead-images/{stem}-800w.webp 800w, ' in html
    assert 'width="1600" height="900"' in html
    assert 'alt="The two ministers shake hands"' in html
    assert "In Beijing" in html and "Xinhua" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content, name, message",
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "logo.svg", "not a photo we can publish"),
        (b"not an image", "photo.jpg", "not a photo we can publish"),
        (png_claiming(60_000, 60_000), "bomb.png", "too large"),
    ],
    ids=["svg", "renamed", "bomb"],
)
def test_bad_upload_is_a_form_error_not_a_500(editor_client, content, name, message):
    article = factories.make_article("With a photo")
    url = admin_url(Article, "change", article.pk)
    data = form_data(editor_client.get(url), "article_form")

    response = editor_client.post(url, {**data, "lead_image": upload(content, name), "lead_image_alt": "Alt"})

    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors["lead_image"])
    assert not Article.objects.get(pk=article.pk).lead_image


@pytest.mark.django_db
def test_lead_image_needs_alt_text(editor_client):
    article = factories.make_article("With a photo")
    url = admin_url(Article, "change", article.pk)

    response = editor_client.post(url, {**form_data(editor_client.get(url), "article_form"), "lead_image": upload(photo("PNG", (64, 48)), "a.png")})

    assert response.context["adminform"].form.errors["lead_image_alt"] == ["Describe the photo for readers who cannot see it."]


@pytest.mark.django_db
def test_person_portrait_goes_through_the_same_checks(staff_client):
    person = factories.make_person("Wang Yi")
    url = admin_url(Person, "change", person.pk)
    data = form_data(staff_client.get(url), "person_form")

    refused = staff_client.post(url, {**data, "photo": upload(b"<svg/>", "wang.svg")})
    accepted = staff_client.post(url, {**data, "photo": upload(photo("WEBP", (64, 64)), "wang.webp")})

    assert "not a photo we can publish" in str(refused.context["adminform"].form.errors["photo"])
    assert accepted.status_code == 302
    person.refresh_from_db()
    assert person.photo.name.startswith("portraits/") and person.photo.name.endswith(".webp")


# Uploads on disk, checked before they are read ---------------------------------------------

@pytest.mark.django_db
def test_an_upload_is_streamed_to_disk_and_a_huge_one_kept_only_up_to_the_limit(staff_client):
    from django.core.files.uploadedfile import TemporaryUploadedFile

    person = factories.make_person("Wang Yi")
    url = admin_url(Person, "change", person.pk)
    data = form_data(staff_client.get(url), "person_form")
    seen = []

    def spy(upload):
        seen.append((type(upload), upload.size, len(open(upload.temporary_file_path(), "rb").read())))
        return clean(upload)

    clean = images.clean
    with mock.patch.object(images, "clean", spy):
        small = staff_client.post(url, {**data, "photo": upload(photo("PNG", (64, 64)), "small.png")})
        huge = staff_client.post(url, {**data, "photo": upload(b"\xff\xd8" + b"\0" * (40 * 1024 * 1024), "huge.jpg")})

    assert small.status_code == 302
    assert huge.context["adminform"].form.errors["photo"] == ["The file is 40.0 MB; the limit is 10 MB."]
    (small_kind, _, _), (huge_kind, huge_size, huge_on_disk) = seen
    assert small_kind is huge_kind is TemporaryUploadedFile
    assert (huge_size, huge_on_disk) == (40 * 1024 * 1024 + 2, images.MAX_BYTES + 1)


def test_a_file_over_the_limit_is_refused_before_a_byte_of_it_is_read():
    oversized = mock.Mock(size=images.MAX_BYTES + 1)

    with pytest.raises(images.ImageRejected, match="the limit is 10 MB"):
        images.clean(oversized)

    assert not oversized.read.called


def test_a_photo_claiming_too_many_pixels_is_refused_before_a_pixel_is_decoded():
    with mock.patch.object(Image.Image, "load") as load, pytest.raises(images.ImageRejected, match="50 megapixels"):
        images.clean(io.BytesIO(png_claiming(10_000, 6_000)))

    assert not load.called


def test_renditions_of_a_big_jpeg_decode_it_at_a_reduced_scale():
    decoded = []
    load = Image.Image.load

    def spy(image):
        decoded.append(image.size)
        return load(image)

    original = images.clean(io.BytesIO(photo("JPEG", (4800, 3200)))).content
    with mock.patch.object(Image.Image, "load", spy):
        made = images.renditions(original)

    assert decoded[0] == (1200, 800)  # an eighth of the pixels of 4800 × 3200
    assert [(r.width, r.extension) for r in made][-2:] == [(1200, "webp"), (1200, "jpg")]
