"""The processes that rasterise a long fax with this one, and that die with it (issue 25).

PDFium is not thread-safe and rasterising is C code that holds the GIL, so a long fax (from
:data:`composer.render.fax_raster.PARALLEL_MIN_PAGES` pages) is drawn by processes: this one
and a few workers started here (:class:`Pool`). Each worker is a fresh interpreter
(``python -c``, never a fork of a process that may run Qt) that gets the PDF once on its
standard input, then one chunk of page numbers at a time, and answers each with the chunk's
encoded TIFF frames on its standard output — a plain binary protocol, no pickle, and no
``multiprocessing`` (so no resource tracker or semaphore outlives anything).

A worker never outlives this process by more than a moment, whatever kills it:

* its standard input is a pipe whose write end only this process holds (``close_fds``: the
  worker holds no other end of anything), so when this process dies the worker reads the end
  of the file and exits — at the latest when it finishes the chunk it is drawing (8 pages,
  well under a second);
* on Linux it also asks the kernel to kill it when its parent dies (``PR_SET_PDEATHSIG`` via
  ``prctl``), and checks that its parent is still the process that started it (the parent may
  have died before that request);
* this process never waits on a worker that cannot answer: a chunk a worker has not delivered
  within :data:`CHUNK_TIMEOUT` is drawn here instead and that worker is killed, closing the
  pool kills whatever has not exited :data:`EXIT_GRACE` seconds after its input closed, and
  :func:`stop_all` (the app calls it when it quits) kills every worker at once.

Best effort, never an error: a worker that cannot start, fails or is killed only means its
chunks are drawn in this process (the frames, and so the file, are the same bytes).
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import subprocess
import sys
import threading
import weakref
from collections.abc import Iterator
from functools import partial
from types import TracebackType
from typing import IO, Self

log = logging.getLogger(__name__)

CHUNK_TIMEOUT = 60.0
"""Seconds a worker may take for one chunk (8 pages take ≈ 0.1 s) before it is given up."""
EXIT_GRACE = 1.0
"""Seconds a worker whose input is closed may take to exit before it is killed."""
_CODECS = {"group3": b"3", "group4": b"4"}
_FAILED = object()
_pools: weakref.WeakSet[Pool] = weakref.WeakSet()
_pools_lock = threading.Lock()


def stop_all() -> None:
    """Kill every worker of every pool in this process now; their chunks are drawn by the
    processes that asked for them (or not at all, if those are stopping too)."""
    with _pools_lock:
        pools = list(_pools)
    for pool in pools:
        pool.abort()


class Pool:
    """``with Pool(n, pdf, codec) as pool: pool.frames(chunks, total)`` (see the module)."""

    def __init__(self, workers: int, pdf_bytes: bytes, codec: str) -> None:
        self._job = b"FAXW" + _CODECS[codec] + struct.pack(">Q", len(pdf_bytes)) + pdf_bytes
        self._count = workers
        self._procs: list[subprocess.Popen[bytes]] = []
        self._threads: list[threading.Thread] = []
        self._cond = threading.Condition()
        self._state: list[object] = []
        self._owner: dict[int, subprocess.Popen[bytes]] = {}
        self._back = -1

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def frames(self, chunks: list[list[int]],
               total: int) -> Iterator[tuple[int, list[bytes] | None]]:
        """Start the workers on ``chunks`` (they take them from the back) and yield, in
        order, ``(index, frames)`` for each chunk: the frames a worker delivered, or None for a
        chunk this process must draw itself (one no worker had started, or one that failed)."""
        self._state = [None] * len(chunks)
        self._back = len(chunks) - 1
        with _pools_lock:
            _pools.add(self)
        for _ in range(self._count):
            proc = _start()
            if proc is None:
                break
            self._procs.append(proc)
            thread = threading.Thread(target=self._drive, args=(proc, chunks, total),
                                      daemon=True, name="fax-worker")
            thread.start()
            self._threads.append(thread)
        for i in range(len(chunks)):
            with self._cond:
                if self._state[i] is None:
                    self._state[i] = "here"
                    claimed = True
                else:
                    claimed = False
                    if not self._cond.wait_for(partial(self._not_worker, i), CHUNK_TIMEOUT):
                        self._state[i] = _FAILED
                        self._kill(self._owner.get(i))
            if claimed:
                yield i, None
                continue
            got = self._state[i]
            yield i, (got if isinstance(got, list) else None)

    def _take(self) -> int | None:
        with self._cond:
            while self._back >= 0 and self._state[self._back] is not None:
                self._back -= 1
            if self._back < 0:
                return None
            self._state[self._back] = "worker"
            return self._back

    def _deliver(self, i: int, frames: list[bytes] | None) -> None:
        with self._cond:
            if self._state[i] == "worker":
                self._state[i] = frames if frames is not None else _FAILED
            self._cond.notify_all()

    def _drive(self, proc: subprocess.Popen[bytes], chunks: list[list[int]], total: int) -> None:
        """One worker's conversation (in its own thread): the PDF, then chunks until none is
        left; on any failure the chunk in hand is handed back to be drawn here."""
        stdin, stdout = proc.stdin, proc.stdout
        assert stdin is not None and stdout is not None
        i: int | None = None
        try:
            stdin.write(self._job)
            stdin.flush()
            while (i := self._take()) is not None:
                with self._cond:
                    self._owner[i] = proc
                pages = chunks[i]
                stdin.write(struct.pack(f">II{len(pages)}I", total, len(pages), *pages))
                stdin.flush()
                self._deliver(i, _read_frames(stdout, len(pages)))
                i = None
        except (OSError, ValueError, struct.error) as exc:
            log.debug("fax worker %s stopped (%s)", proc.pid, exc)
        finally:
            if i is not None:
                self._deliver(i, None)
            _close(stdin)

    def abort(self) -> None:
        """Kill every worker now and hand every chunk not yet delivered back to be drawn."""
        with self._cond:
            self._back = -1
            for i, state in enumerate(self._state):
                if state is None or state == "worker":
                    self._state[i] = _FAILED
            self._cond.notify_all()
            procs = list(self._procs)
        for proc in procs:
            if proc.poll() is None:
                with contextlib.suppress(OSError):
                    proc.kill()

    def close(self) -> None:
        """End every worker: input closed (they exit on its end), then killed if still there
        after :data:`EXIT_GRACE` seconds; never waits longer on one that cannot answer."""
        with self._cond:
            self._back = -1
            for i, state in enumerate(self._state):
                if state is None:
                    self._state[i] = _FAILED
            self._cond.notify_all()
        for proc in self._procs:
            _close(proc.stdin)
        for proc in self._procs:
            try:
                proc.wait(EXIT_GRACE)
            except subprocess.TimeoutExpired:
                self._kill(proc)
        for thread in self._threads:
            thread.join(EXIT_GRACE)
        for proc in self._procs:
            _close(proc.stdout)
        self._procs, self._threads = [], []
        with _pools_lock:
            _pools.discard(self)

    def _not_worker(self, i: int) -> bool:
        """Chunk ``i`` is no longer being rasterised by a worker (called holding ``_cond``)."""
        return self._state[i] != "worker"

    @staticmethod
    def _kill(proc: subprocess.Popen[bytes] | None) -> None:
        if proc is None or proc.poll() is not None:
            return
        try:
            proc.kill()
            proc.wait(EXIT_GRACE)
        except (OSError, subprocess.TimeoutExpired):
            pass


def _start() -> subprocess.Popen[bytes] | None:
    """A worker getting ready, or None (it could not be started: a frozen app, say)."""
    if getattr(sys, "frozen", False):
        return None          # ``python -c`` is not available inside a frozen app
    # the worker finds modules where this process does (as multiprocessing's spawn does)
    program = (f"import sys\nsys.path[:] = {sys.path!r}\n"
               f"from composer.render.fax_worker import serve\nserve({os.getpid()})")
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
    try:
        return subprocess.Popen([sys.executable, "-c", program], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                close_fds=True, creationflags=flags)
    except (OSError, ValueError) as exc:
        log.debug("fax worker not started (%s)", exc)
        return None


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) != size:
        raise ValueError("the stream ended early")
    return data


def _read_frames(stream: IO[bytes], expected: int) -> list[bytes] | None:
    (count,) = struct.unpack(">I", _read_exact(stream, 4))
    if count != expected:
        return None                               # the worker reported a failure
    frames = []
    for _ in range(count):
        (size,) = struct.unpack(">Q", _read_exact(stream, 8))
        frames.append(_read_exact(stream, size))
    return frames


def _close(stream: IO[bytes] | None) -> None:
    if stream is not None and not stream.closed:
        with contextlib.suppress(OSError):
            stream.close()


# --- the worker's side ---------------------------------------------------------------------------


def die_with_parent(parent: int) -> None:
    """Ask to be killed when the parent dies (Linux), and exit now if it already has."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)     # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)


def serve(parent: int) -> None:
    """A worker: the PDF from standard input, then chunks until the input ends."""
    die_with_parent(parent)
    stdin, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr                   # nothing else may write into the replies
    try:
        import pypdfium2 as pdfium

        from composer.render import fax_pages

        head = _read_exact(stdin, 13)
        if head[:4] != b"FAXW":
            raise ValueError("no job")
        codec = {b"3": "group3", b"4": "group4"}[head[4:5]]
        (size,) = struct.unpack(">Q", head[5:])
        doc = pdfium.PdfDocument(_read_exact(stdin, size))
        while True:
            request = stdin.read(8)
            if len(request) < 8:
                break                         # the parent closed its end, or died
            total, count = struct.unpack(">II", request)
            pages = list(struct.unpack(f">{count}I", _read_exact(stdin, 4 * count)))
            try:
                frames = fax_pages.encoded(doc, pages, total, codec)
            except Exception:  # noqa: BLE001 - reported as a failed chunk; the parent draws it
                frames = []
            out.write(struct.pack(">I", len(frames)))
            for frame in frames:
                out.write(struct.pack(">Q", len(frame)) + frame)
            out.flush()
    except (OSError, ValueError, KeyError, struct.error):
        pass
    os._exit(0)
