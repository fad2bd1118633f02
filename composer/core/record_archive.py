"""What was sent, kept exactly: the package and the receipt file, copied read-only into the data
directory beside the sending record.

Qt-free. Keeping a copy is two steps so that the slow part can run off the GUI thread:
:func:`stage` checks the package against its manifest and copies it (and the receipt file) into a
hidden folder under ``sent/`` — no database involved; :func:`place` then renames that folder to
its final name ``sent/<seq>-<manifest hash>/`` inside the recording transaction, and returns what
the record says about it (paths relative to the data folder, SHA-256 of every file).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from composer.core.records import RecordError, sha256_bytes, sha256_file

ARCHIVE_DIR = "sent"
MANIFEST = "manifest.json"
STAGING_PREFIX = ".staging-"


@dataclass(frozen=True, slots=True)
class Staged:
    """A checked copy waiting for its record (see the module docstring)."""

    folder: Path                          # sent/.staging-…/
    manifest_sha256: str | None
    package: dict[str, Any] | None        # generated_at, files [{path, sha256}]
    receipt_name: str | None
    receipt_sha256: str | None


def _read_only(root: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames:
            os.chmod(Path(dirpath) / name, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.chmod(dirpath, stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP
                 | stat.S_IROTH | stat.S_IXOTH)


def remove_archive(path: Path) -> None:
    """Remove a folder written by :func:`stage` / :func:`place` (undo after a failed record)."""
    if not path.exists():
        return
    for dirpath, _dirs, _files in os.walk(path):
        os.chmod(dirpath, stat.S_IRWXU)
    shutil.rmtree(path, ignore_errors=True)


def safe_relative(rel: object) -> bool:
    """A plain relative path: no root, no drive, no ``..``, no empty or NUL part."""
    if not isinstance(rel, str) or not rel or "\0" in rel or "\\" in rel:
        return False
    parts = rel.split("/")
    return not rel.startswith("/") and ":" not in parts[0] and all(
        p not in ("", ".", "..") for p in parts)


def package_manifest(package_dir: Path) -> tuple[dict[str, Any], str]:
    """The package's manifest and its SHA-256, after checking every listed file against it."""
    manifest_path = package_dir / MANIFEST
    try:
        data = manifest_path.read_bytes()
        manifest = json.loads(data)
    except OSError as exc:
        raise RecordError(f"{manifest_path}: cannot read: {exc.strerror or exc}") from None
    except (ValueError, RecursionError):
        raise RecordError(f"{manifest_path}: not a Composer manifest") from None
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, list) or not all(isinstance(e, dict) for e in files):
        raise RecordError(f"{manifest_path}: not a Composer manifest")
    for entry in files:
        rel = entry.get("path", "")
        target = package_dir / str(rel)
        if not safe_relative(rel) or rel == MANIFEST or not target.is_file():
            raise RecordError(f"{target}: listed in the manifest but missing")
        if sha256_file(target) != entry.get("sha256"):
            raise RecordError(f"{target}: changed since the package was generated")
    return manifest, sha256_bytes(data)


def stage(data_root: Path, package_dir: Path | None, receipt_file: Path | None
          ) -> Staged | None:
    """Check and copy what is to be kept into a hidden folder under ``sent/`` (read-only).
    None when there is nothing to keep. :class:`RecordError` names what cannot be kept."""
    if package_dir is None and receipt_file is None:
        return None
    manifest: dict[str, Any] | None = None
    manifest_sha = None
    if package_dir is not None:
        manifest, manifest_sha = package_manifest(package_dir)
    if receipt_file is not None and not receipt_file.is_file():
        raise RecordError(f"{receipt_file}: the receipt file cannot be read")
    _remove_stale_staging(data_root / ARCHIVE_DIR)
    folder = data_root / ARCHIVE_DIR / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
    package_info = None
    receipt_sha = None
    try:
        folder.mkdir(parents=True)
        if package_dir is not None and manifest is not None:
            target = folder / "package"
            for entry in manifest["files"]:
                dest = target / entry["path"]
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(package_dir / entry["path"], dest)
                if sha256_file(dest) != entry["sha256"]:    # changed while being copied
                    raise RecordError(f"{package_dir / entry['path']}: changed while it was "
                                      "being kept")
            shutil.copyfile(package_dir / MANIFEST, target / MANIFEST)
            if sha256_file(target / MANIFEST) != manifest_sha:
                raise RecordError(f"{package_dir / MANIFEST}: changed while it was being kept")
            package_info = {"generated_at": manifest.get("generated_at"),
                            "files": [{"path": e["path"], "sha256": e["sha256"]}
                                      for e in manifest["files"]]}
        if receipt_file is not None:
            dest = folder / "receipt" / receipt_file.name
            dest.parent.mkdir(parents=True)
            shutil.copyfile(receipt_file, dest)
            receipt_sha = sha256_file(dest)
        _read_only(folder)
    except OSError as exc:
        remove_archive(folder)
        raise RecordError(f"{folder.parent}: cannot keep a copy of what was sent: "
                          f"{exc.strerror or exc}") from None
    except BaseException:
        remove_archive(folder)
        raise
    return Staged(folder, manifest_sha, package_info,
                  receipt_file.name if receipt_file is not None else None, receipt_sha)


STALE_STAGING_S = 24 * 3600


def _remove_stale_staging(archive: Path) -> None:
    """Staged copies a day old were never recorded (the app was closed or killed meanwhile)."""
    try:
        entries = list(archive.glob(f"{STAGING_PREFIX}*"))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        try:
            if now - entry.stat().st_mtime > STALE_STAGING_S:
                remove_archive(entry)
        except OSError:
            continue


def place(data_root: Path, staged: Staged, seq: int
          ) -> tuple[Path, dict[str, Any] | None, dict[str, Any] | None]:
    """Rename the staged copy to ``sent/<seq>-<hash>/``; (folder, package info, file info) for
    the record. A folder of an earlier failed attempt at this ``seq`` is removed first."""
    archive = data_root / ARCHIVE_DIR
    name = f"{seq:05d}-{(staged.manifest_sha256 or 'receipt')[:12]}"
    for old in archive.glob(f"{seq:05d}-*"):
        remove_archive(old)
    folder = archive / name
    try:
        os.chmod(staged.folder, stat.S_IRWXU)      # renaming needs no write on the folder
        os.rename(staged.folder, folder)           # itself, but be explicit about its mode
        _read_only(folder)
    except OSError as exc:
        raise RecordError(f"{folder}: cannot keep a copy of what was sent: "
                          f"{exc.strerror or exc}") from None
    rel = f"{ARCHIVE_DIR}/{name}"
    package_info = file_info = None
    if staged.package is not None:
        package_info = {"path": f"{rel}/package", "manifest_sha256": staged.manifest_sha256,
                        **staged.package}
    if staged.receipt_name is not None:
        file_info = {"name": staged.receipt_name,
                     "path": f"{rel}/receipt/{staged.receipt_name}",
                     "sha256": staged.receipt_sha256}
    return folder, package_info, file_info


def discard(staged: Staged | None) -> None:
    """Remove a staged copy that will not be recorded."""
    if staged is not None:
        remove_archive(staged.folder)


__all__ = ["ARCHIVE_DIR", "MANIFEST", "STAGING_PREFIX", "Staged", "discard", "package_manifest",
           "place", "remove_archive", "safe_relative", "stage"]
