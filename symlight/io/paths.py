"""Checks of user-given output paths, done before any work starts (issue 11: hostile input).

A command that will write ``--json FILE`` or ``--out DIR`` at the end of a long run checks the
path first, so that a typo costs one line and exit status 2, not minutes of work followed by a
traceback. Nothing is created by the checks (a probe file is made and removed at once).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from symlight.errors import InputError

#: the largest file-name component most file systems accept (bytes)
NAME_MAX = 255
#: a directory that already holds these files is a previous report and may be replaced
REPORT_FILES = ("index.html", "claims.json")


def printable(text: object, limit: int = 200) -> str:
    """``text`` safe to print on any terminal/log and to embed in UTF-8 files.

    Paths decoded from non-UTF-8 bytes carry lone surrogates, which a strict UTF-8 stream refuses;
    such text (and text with control characters) is shown as its ``repr``.
    """
    s = str(text)
    try:
        s.encode("utf-8")
        clean = s.isprintable()
    except UnicodeEncodeError:
        clean = False
    if not clean:
        s = repr(s)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _first_existing(path: Path) -> Path:
    probe = path
    while not os.path.lexists(probe):
        if probe.parent == probe:
            break
        probe = probe.parent
    return probe


def _check_text(path: str, what: str) -> Path:
    if not isinstance(path, str | os.PathLike) or not str(path).strip():
        raise InputError(f"{what} path is empty; give a file or directory name")
    text = str(path)
    if "\x00" in text:
        raise InputError(f"{what} path {printable(text)} contains a NUL character")
    p = Path(text)
    for part in p.parts:
        if len(os.fsencode(part)) > NAME_MAX:
            raise InputError(f"{what} path component {printable(part, 60)} is "
                             f"{len(os.fsencode(part))} bytes long; file names allow {NAME_MAX}")
    return p


def _check_parent(p: Path, what: str) -> None:
    anchor = _first_existing(p.parent if str(p.parent) else Path("."))
    if not anchor.is_dir():
        raise InputError(f"{what} {printable(p)}: {printable(anchor)} is a file, not a directory")
    try:
        fd, probe = tempfile.mkstemp(prefix=".symlight-probe.", dir=anchor)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(f"{what} {printable(p)}: cannot write in {printable(anchor)} "
                         f"({exc.strerror or exc})") from None


def check_output_file(path: str, what: str = "output file") -> Path:
    """The path of a file to be written later; InputError now if it could not be written."""
    p = _check_text(path, what)
    if p.is_dir():
        raise InputError(f"{what} {printable(p)} is a directory; give a file name such as "
                         f"{printable(p / 'claims.json')}")
    if os.path.lexists(p) and not p.is_file():
        raise InputError(f"{what} {printable(p)} exists and is not a regular file")
    _check_parent(p, what)
    return p


def check_output_dir(path: str, what: str = "output directory", *, replaceable=None) -> Path:
    """The path of a directory to be (re)written later; InputError now if that would fail.

    ``replaceable(dir) -> bool`` decides whether an existing, non-empty directory may be replaced
    as a whole (e.g. it holds a previous report); without it any existing directory may be used.
    """
    p = _check_text(path, what)
    if os.path.lexists(p) and not p.is_dir():
        raise InputError(f"{what} {printable(p)} exists and is not a directory; give a new or "
                         "existing directory")
    if p.is_dir() and replaceable is not None:
        try:
            empty = not any(p.iterdir())
        except OSError as exc:
            raise InputError(f"{what} {printable(p)} cannot be read ({exc.strerror or exc})") from None
        if not empty and not replaceable(p):
            raise InputError(
                f"{what} {printable(p)} already holds files that are not a symlight report "
                f"(no {' and '.join(REPORT_FILES)}); it would be replaced as a whole, so give a new "
                "or empty directory, or a previous report's directory")
    _check_parent(p, what)
    if p.is_dir():
        _check_parent(p / "probe", what)
    return p


def is_report_dir(path: Path) -> bool:
    """A directory written by ``symlight reproduce`` (it holds index.html and claims.json)."""
    return all((path / name).is_file() for name in REPORT_FILES)
