"""Paths a user names (arguments, ``--config``, ``--db``, feeds.toml entries), checked safely.

One ``stat`` tells what is there before anything is opened: a FIFO or a device is refused, never
opened (reading one blocks or never ends), and every OS error (a name too long, a path through a
file, permission denied, a symlink loop, a NUL byte) becomes one line in a NewstermError.
Files are written atomically, through a temporary file and a rename.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from newsterm.errors import NewstermError, UsageError


def reason(exc: OSError) -> str:
    """What an OS error says, without its errno and path (the caller names the path)."""
    return exc.strerror or str(exc) or type(exc).__name__


def stat_or_none(
    path: Path, error: type[NewstermError] = UsageError, *, follow: bool = True
) -> os.stat_result | None:
    """The path's stat, None when nothing is there; any other problem raises ``error``."""
    try:
        return os.stat(path, follow_symlinks=follow)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise error(f"{path}: cannot use this path: {reason(exc)}") from None
    except ValueError:  # an embedded NUL byte
        raise error(f"{path!r}: not a valid path") from None


def exists(path: Path) -> bool:
    """Whether something is at ``path`` (a too-long or invalid name is nothing)."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def read_regular(path: Path, limit: int, error: type[NewstermError] = UsageError) -> bytes:
    """A regular file's bytes, refusing anything else and anything over ``limit`` bytes.

    Opened non-blocking and checked again once open, so a FIFO swapped in after the stat cannot
    block the read.
    """
    info = stat_or_none(path, error)
    if info is None:
        raise error(f"{path}: no such file")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path}: not a regular file")
    if info.st_size > limit:
        raise error(f"{path}: larger than {limit} bytes")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise error(f"{path}: not a regular file")
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"{path}: cannot read: {reason(exc)}") from None
    if len(data) > limit:
        raise error(f"{path}: larger than {limit} bytes")
    return data


def check_output_file(path: Path) -> None:
    """Refuse to write ``path`` unless its folder exists and it is absent or a regular file.

    Writes replace the file through a rename: over a device or a FIFO that would replace the
    device itself.
    """
    folder = stat_or_none(path.parent)
    if folder is None:
        raise UsageError(f"{path}: no such folder: {path.parent}")
    if not stat.S_ISDIR(folder.st_mode):
        raise UsageError(f"{path}: {path.parent} is not a folder")
    info = stat_or_none(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{path}: not a regular file")


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8, or bytes as they are) to ``path`` through a temporary file and a
    rename."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
