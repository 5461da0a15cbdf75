"""Atomic file and directory writes: write to a temporary sibling, fsync, then rename.

A reader never sees a half-written file: either the previous content or the complete new one.

Temporary siblings are named ``.<name>.<host>-<pid>.<random>.tmp`` (files) and
``.<name>.<host>-<pid>.<random>.new`` (directory staging). A process killed hard (SIGKILL, power
loss) cannot remove its own; the next write of the same target on the same host removes those
whose process is gone (``clean_stale``). Siblings of live processes, of other hosts (a shared
file system) or in the older name format without a process id are left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

_HOST = re.sub(r"[^A-Za-z0-9_]", "_", socket.gethostname())[:40] or "host"


def _owner_tag() -> str:
    return f"{_HOST}-{os.getpid()}"


def _stem(target: Path) -> str:
    """The target's name as used in sibling names (long names shortened, so a sibling still fits
    the 255-byte limit of a file name)."""
    name = target.name
    raw = os.fsencode(name)
    if len(raw) <= 120:
        return name
    digest = hashlib.sha256(raw).hexdigest()[:12]
    return os.fsdecode(raw[:60]) + "~" + digest


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def clean_stale(target: str | os.PathLike[str]) -> list[Path]:
    """Remove temporary siblings of ``target`` left by dead processes of this host; return them.

    Matches ``.<name>.<host>-<pid>.*.tmp`` / ``.new``, and the ``.<name>.old-<pid>`` folder of a
    directory swap killed half-way: that one holds the previous content, so it is moved back to
    ``target`` when ``target`` is missing (else removed). Never raises for a sibling it cannot
    remove.
    """
    target = Path(target)
    return _clean(target.parent, re.escape(_stem(target)), target)


def clean_stale_in(directory: str | os.PathLike[str], name_regex: str = r"[^/]+") -> list[Path]:
    """``clean_stale`` for every target in ``directory`` whose name matches ``name_regex``."""
    return _clean(Path(directory), name_regex, None)


def _clean(parent: Path, name_regex: str, target: Path | None) -> list[Path]:
    if not parent.is_dir():
        return []
    pattern = re.compile(
        rf"^\.{name_regex}\.(?:{re.escape(_HOST)}-(\d+)\.[^/]*\.(?:tmp|new)|old-(\d+))$")
    removed: list[Path] = []
    try:
        entries = list(parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        pid = int(match.group(1) or match.group(2))
        if _alive(pid):
            continue
        try:
            if match.group(2) and target is not None and not target.exists() and not entry.is_symlink():
                os.replace(entry, target)  # killed mid-swap: the previous content comes back
            elif entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def _default_mode(target: Path, fresh: int = 0o666) -> int:
    """The mode a plain ``open``/``mkdir`` would give: the existing target's, else ``fresh & ~umask``."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return fresh & ~umask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` atomically (same-directory temp file + ``os.replace``).

    The file gets ``mode`` if given, else the permissions an ordinary write would give (mkstemp's
    private 0o600 would otherwise leak into reports and figures meant to be shared).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    wanted = _default_mode(target) if mode is None else mode
    fd, tmp = tempfile.mkstemp(prefix=f".{_stem(target)}.{_owner_tag()}.", suffix=".tmp",
                               dir=target.parent)
    try:
        os.fchmod(fd, wanted)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically."""
    return atomic_write_bytes(path, text.encode(encoding))


@contextlib.contextmanager
def replace_directory(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Build a directory's new content in a temporary sibling; swap it in only on success.

    On any exception (including KeyboardInterrupt) the previous directory is left untouched.
    Staging folders of dead processes (a SIGKILLed earlier run) are removed first.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{_stem(target)}.{_owner_tag()}.", suffix=".new",
                                    dir=target.parent))
    os.chmod(staging, _default_mode(target, 0o777))  # mkdtemp's private 0o700 would leak into the result
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = target.with_name(f".{_stem(target)}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
