"""The report's fax pages rasterised in a helper process while this one builds the rest of the
package (issue 14 goal 2: a cold package on two cores).

Rasterising a short report for the fax TIFF (PDFium, then Pillow's G3 encoder) is ≈ 8 ms a
page of C code that holds the GIL, so threads cannot overlap it with anything. Instead,
:func:`start` launches a helper interpreter as soon as a package with a fax is begun; it loads
PDFium, Pillow and libtiff (and draws a blank page) while this process lays out the report.
Given the report PDF (:meth:`FaxRaster.submit`), it rasterises the report's pages while this
process writes the e-mail, the cover and fax.pdf; :func:`composer.render.fax.fax_tiff` then
draws the cover's pages itself and joins them with the helper's. A page of the report draws the
same bits from report.pdf as from fax.pdf (the merge copies the page objects) and the frames
are joined as always, so fax.tif is byte-identical to the one made in one process (the tests
compare them).

It pays where a second core is free, as on the workstations this app is made for; on a machine
already busy the two processes share one core and gain nothing. Best effort, never an error:
if the helper cannot start, fails or is slow, this process rasterises the pages itself (same
bytes, only later). The helper speaks a plain binary protocol on its stdin/stdout (no pickle):
one job (codec byte, PDF), one reply (the frames), then it exits. It is used only below
:data:`composer.render.fax_raster.PARALLEL_MIN_PAGES` fax pages; longer faxes keep their
process pool. ``COMPOSER_FAX_HELPER=0`` switches it off, ``=1`` on whatever the load.
"""

from __future__ import annotations

import io
import logging
import os
import struct
import subprocess
import sys
import threading

log = logging.getLogger(__name__)

TIMEOUT = 20.0
"""Seconds the helper may take before this process gives up on it and rasterises itself (its
fewer than 16 pages take a fraction of a second; a stall must not hold a package up for long)."""
_CHILD = "from composer.render.fax_worker import serve; serve()"
_CODECS = {"group3": b"3", "group4": b"4"}


def enabled() -> bool:
    """Whether to use a helper here: ``COMPOSER_FAX_HELPER=1`` always, ``0`` never; by default
    only where a second core looks free right now (see :func:`_other_runnable`), and never in
    a frozen app."""
    setting = os.environ.get("COMPOSER_FAX_HELPER", "")
    if setting == "0" or getattr(sys, "frozen", False):
        return False
    if setting == "1":
        return True
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:              # not on Linux
        cpus = os.cpu_count() or 1
    if cpus < 2:
        return False
    busy = _other_runnable()
    return busy is None or busy <= cpus - 2


def _other_runnable() -> int | None:
    """Tasks other than this one running or ready to run at this moment (Linux: the
    instantaneous count of /proc/loadavg, not the lagging averages, which count this process's
    own earlier work), or None where the system does not say (then a free core is assumed)."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return max(0, int(fh.read().split()[3].split("/")[0]) - 1)
    except (OSError, ValueError, IndexError):
        return None


def start() -> FaxRaster | None:
    """A helper getting ready, or None (disabled, or it could not be started)."""
    if not enabled():
        return None
    # the helper finds modules where this process does (as multiprocessing's spawn does)
    program = f"import sys\nsys.path[:] = {sys.path!r}\n{_CHILD}"
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        proc = subprocess.Popen([sys.executable, "-c", program], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                creationflags=flags)
    except (OSError, ValueError) as exc:
        log.debug("fax helper not started (%s)", exc)
        return None
    return FaxRaster(proc)


class FaxRaster:
    """One helper process and its one job (see the module docstring)."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self._proc = proc
        self._thread: threading.Thread | None = None
        self._reply: bytes | None = None
        self._stderr = b""
        self._codec = ""
        self.pages = 0
        """Pages of the submitted report (0 until :meth:`submit`)."""

    def submit(self, report_pdf: bytes, codec: str, pages: int) -> bool:
        """Hand the report PDF (``pages`` pages) over to be rasterised with ``codec``
        (``group3``/``group4``); False, and the helper stopped, if it cannot be."""
        code = _CODECS.get(codec)
        if code is None or self._thread is not None or pages < 1:
            self.close()
            return False
        self._codec, self.pages = codec, pages
        job = b"FAX1" + code + struct.pack(">Q", len(report_pdf)) + report_pdf
        self._thread = threading.Thread(target=self._talk, args=(job,), daemon=True,
                                        name="fax-helper")
        self._thread.start()
        return True

    def _talk(self, job: bytes) -> None:
        try:
            self._reply, self._stderr = self._proc.communicate(job, timeout=TIMEOUT)
        except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
            log.debug("fax helper failed (%s)", exc)
            self._kill()

    def report_frames(self, codec: str) -> list[bytes] | None:
        """The report's pages as TIFF frames encoded with ``codec``, or None if the helper did
        not deliver them (then the caller rasterises the pages itself)."""
        if self._thread is None or codec != self._codec:
            return None
        self._thread.join(TIMEOUT + 2)
        if self._thread.is_alive() or self._reply is None:
            self.close()
            return None
        frames = _parse_reply(self._reply)
        if frames is None or len(frames) != self.pages:
            log.debug("fax helper: no usable reply (exit %s): %s", self._proc.returncode,
                      self._stderr.decode("utf-8", "replace")[-2000:])
            return None
        return frames

    def close(self) -> None:
        """Stop the helper if it is still running (idempotent)."""
        if self._thread is None:
            self._kill()
        elif self._thread.is_alive():
            self._kill()
            self._thread.join(5)

    def _kill(self) -> None:
        if self._proc.poll() is None:
            try:
                self._proc.kill()
            except OSError:
                pass
        for stream in (self._proc.stdin, self._proc.stdout, self._proc.stderr):
            if stream is not None and not stream.closed:
                try:
                    stream.close()
                except OSError:
                    pass
        try:
            self._proc.wait(5)
        except subprocess.TimeoutExpired:
            pass


def _parse_reply(reply: bytes) -> list[bytes] | None:
    if reply[:2] != b"OK" or len(reply) < 6:
        return None
    (count,) = struct.unpack_from(">I", reply, 2)
    frames, pos = [], 6
    for _ in range(count):
        if pos + 8 > len(reply):
            return None
        (size,) = struct.unpack_from(">Q", reply, pos)
        pos += 8
        if pos + size > len(reply):
            return None
        frames.append(reply[pos:pos + size])
        pos += size
    return frames if pos == len(reply) and frames else None


# --- the helper's side ---------------------------------------------------------------------------


def serve() -> None:
    """The helper process: get ready, read one job from stdin, reply on stdout, exit."""
    out = sys.stdout.buffer
    sys.stdout = sys.stderr                   # nothing else may write into the reply
    try:
        from composer.render import fax_raster

        _warm_up()
        job = sys.stdin.buffer.read()
        if job[:4] != b"FAX1" or len(job) < 13:
            raise ValueError("no job")
        codec = {b"3": "group3", b"4": "group4"}[job[4:5]]
        (size,) = struct.unpack_from(">Q", job, 5)
        pdf = job[13:]
        if len(pdf) != size:
            raise ValueError("truncated job")
        frames = list(fax_raster.frames(pdf, _page_count(pdf), codec, 1))
        reply = b"".join([b"OK", struct.pack(">I", len(frames)),
                          *(struct.pack(">Q", len(f)) + f for f in frames)])
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which falls back
        reply = b"ER" + repr(exc).encode("utf-8", "replace")
    out.write(reply)
    out.flush()
    sys.stderr.flush()
    os._exit(0)           # at once: the parent waits for this process to end


def _page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def _warm_up() -> None:
    """Rasterise and encode a blank A4 page while the parent is still laying out the report,
    so the job meets PDFium, Pillow and libtiff already loaded and initialised."""
    import pypdfium2 as pdfium

    from composer.render import fax_raster

    doc = pdfium.PdfDocument.new()
    try:
        doc.new_page(595.28, 841.89).close()
        buf = io.BytesIO()
        doc.save(buf)
    finally:
        doc.close()
    for _ in fax_raster.frames(buf.getvalue(), 1, "group3", 1):
        pass
