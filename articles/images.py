"""Checking, cleaning and resizing uploaded photos, with Pillow alone.

Django's ImageField only asks Pillow whether a file looks like an image. A newsroom takes
photos from anyone, so this module also refuses what Pillow would happily open but should
not be served (SVG is not even an image to Pillow; a 20,000 × 20,000 PNG of one colour is a
few kilobytes that decode to 1.6 GB), and re-encodes what it accepts so that nothing the
sender put in the file beyond the pixels (EXIF with GPS positions, bytes after the image) is
ever published.
"""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000
# Widths for srcset: a phone, a tablet or narrow column, a wide desktop column.
RENDITION_WIDTHS = (480, 800, 1200)
JPEG_QUALITY = 85
WEBP_QUALITY = 80


class ImageRejected(ValueError):
    """The upload is not an image the newsroom will publish; the message says why, for the editor."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    extension: str
    content: bytes


def clean(upload):
    """Check `upload` (a binary file object) and return it re-encoded, or raise ImageRejected.

    Each check comes before what it protects: the size before a byte is read, the pixel
    count (from the header) before a pixel is decoded.
    """
    size = _size(upload)
    if size > MAX_BYTES:
        raise ImageRejected(f"The file is {size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB.")
    image = _open(upload)
    try:
        # Some truncated files only show it once every pixel is decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            image.load()
    except (OSError, SyntaxError, ValueError, Warning) as error:
        raise ImageRejected("The image is damaged or incomplete; please export it again.") from error
    image_format = image.format
    # In place: a copy of a 50-megapixel photo is another 150 MB.
    ImageOps.exif_transpose(image, in_place=True)
    return CleanImage(_encode(image, image_format), FORMATS[image_format], image.width, image.height)


def renditions(content, widths=RENDITION_WIDTHS):
    """Smaller copies of a cleaned image, each as WebP and as a JPEG (or PNG) fallback.

    Only widths narrower than the original: enlarging costs bytes and shows nothing new.
    """
    image = Image.open(io.BytesIO(content))
    fallback = "PNG" if fallback_extension(FORMATS[image.format]) == "png" else "JPEG"
    sizes = [(width, round(image.height * width / image.width)) for width in sorted(widths) if width < image.width]
    if sizes:
        # A JPEG decodes straight to the smallest scale (1/2, 1/4, 1/8) still as large as the
        # widest rendition: a fraction of the memory and time of decoding it whole.
        image.draft("RGB", sizes[-1])
    image.load()
    image = image.convert("RGBA")
    result = []
    for width, height in sizes:
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        result.append(Rendition(width, height, "webp", _encode(resized, "WEBP")))
        result.append(Rendition(width, height, FORMATS[fallback], _encode(resized, fallback)))
    return result


def fallback_extension(extension):
    """The format of the renditions for browsers without WebP, by the original's extension.

    A PNG stays PNG (charts, maps and logos: sharp edges, maybe transparency); the rest are
    photos, and JPEG. Templates name rendition files from this without opening them.
    """
    return "png" if extension == "png" else "jpg"


def _size(upload):
    """The upload's size in bytes, from what Django counted or else from the file itself."""
    if getattr(upload, "size", None) is not None:
        return upload.size
    upload.seek(0, io.SEEK_END)
    size = upload.tell()
    upload.seek(0)
    return size


def _open(upload):
    try:
        image = Image.open(upload)
    except Image.DecompressionBombError as error:
        raise ImageRejected(_too_many_pixels()) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageRejected(
            "This file is not a photo we can publish: upload a JPEG, PNG, WebP or GIF image."
        ) from error
    if image.format not in FORMATS:
        raise ImageRejected(
            f"{image.format} images are not accepted: upload a JPEG, PNG, WebP or GIF image."
        )
    # The header gives the size before a single pixel is decoded: stop bombs here.
    if image.width * image.height > MAX_PIXELS:
        raise ImageRejected(_too_many_pixels(image.width, image.height))
    return image


def _too_many_pixels(width=None, height=None):
    size = f"{width} × {height} pixels" if width else "This image"
    return f"{size} is too large; the limit is {MAX_PIXELS // 1_000_000} megapixels."


def _encode(image, image_format):
    """Write the pixels only: no EXIF or other metadata, nothing after the image."""
    out = io.BytesIO()
    if image_format == "JPEG":
        if image.mode in ("RGBA", "LA", "PA", "P"):
            # JPEG has no transparency: see-through pixels become white paper, not black.
            image = image.convert("RGBA")
            paper = Image.new("RGB", image.size, "white")
            paper.paste(image, mask=image.getchannel("A"))
            image = paper
        elif image.mode != "RGB":
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif image_format == "WEBP":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    elif image_format == "GIF":
        # The first frame: a lead image is a still photo, and animation is an easy bomb.
        image.save(out, "GIF")
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()
