"""The fax TIFF container: one-page frames joined into a Class F-style multi-page TIFF.

Qt-free. :func:`tiff_from_frames` appends the one-page TIFF frames that
:mod:`composer.render.fax_raster` draws and encodes, in page order, then rewrites in every page
what Pillow cannot write itself: PhotometricInterpretation 262 = 0 (WhiteIsZero) and
PageNumber 297 = (page, total). :func:`tiff_page_numbers` reads 297 back (checks and tests).
"""

from __future__ import annotations

import io
import struct
from collections.abc import Callable, Iterable, Iterator


def tiff_from_frames(frames: Iterable[bytes], total: int,
                     progress: Callable[[int, int], None] | None = None) -> bytes:
    """The fax TIFF of ``total`` one-page TIFF frames (:mod:`composer.render.fax_raster`), in
    page order: appended, then 262 and 297 rewritten in every page (see :func:`fax_tiff`)."""
    from PIL import TiffImagePlugin

    buf = io.BytesIO()
    with TiffImagePlugin.AppendingTiffWriter(buf, new=True) as tf:
        for done, frame in enumerate(frames, 1):
            tf.write(frame)     # what Pillow writes when it saves the page into ``tf``
            tf.newFrame()
            if progress is not None:
                progress(done, total)
    data = bytearray(buf.getvalue())
    _rewrite_tags(data, total)
    return bytes(data)


def _ifds(data: bytes | bytearray) -> Iterator[tuple[str, int]]:
    order = {b"II": "<", b"MM": ">"}[bytes(data[:2])]
    (offset,) = struct.unpack_from(order + "I", data, 4)
    seen: set[int] = set()
    while offset and offset not in seen:
        seen.add(offset)
        yield order, offset
        (count,) = struct.unpack_from(order + "H", data, offset)
        (offset,) = struct.unpack_from(order + "I", data, offset + 2 + 12 * count)


def _rewrite_tags(data: bytearray, total: int) -> None:
    """In every IFD, in place: 262 := 0 (WhiteIsZero), 297 := SHORT[2] (page, total)."""
    for page, (order, ifd) in enumerate(_ifds(data)):
        (count,) = struct.unpack_from(order + "H", data, ifd)
        found = set()
        for i in range(count):
            entry = ifd + 2 + 12 * i
            (tag,) = struct.unpack_from(order + "H", data, entry)
            if tag == 262:
                struct.pack_into(order + "HHIHH", data, entry, 262, 3, 1, 0, 0)
                found.add(tag)
            elif tag == 297:
                struct.pack_into(order + "HHIHH", data, entry, 297, 3, 2, page, total)
                found.add(tag)
        if found != {262, 297}:
            raise ValueError(f"TIFF page {page} lacks tags {sorted({262, 297} - found)}")


def tiff_page_numbers(data: bytes) -> list[tuple[int, int]]:
    """The (page, total) of every IFD, read straight from the file (for checks and tests)."""
    out = []
    for order, ifd in _ifds(data):
        (count,) = struct.unpack_from(order + "H", data, ifd)
        for i in range(count):
            entry = ifd + 2 + 12 * i
            tag, typ, n, a, b = struct.unpack_from(order + "HHIHH", data, entry)
            if tag == 297:
                out.append((a, b) if (typ, n) == (3, 2) else (-1, -1))
    return out
