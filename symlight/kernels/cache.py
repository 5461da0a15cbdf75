"""Content-hash cache for compiled kernels: written atomically, verified before every load.

Layout (root ``$SYMLIGHT_CACHE`` or ``~/.cache/symlight``)::

    kernels/<key>.so     the shared library
    kernels/<key>.json   manifest: key, sha256 of the .so bytes, compiler, flags, symlight version

``key`` is the SHA-256 of the C source, the compiler command and flags, the compiler's version
string and the symlight version, so any change rebuilds. Both files are written with
:func:`symlight.io.atomic_write_bytes` (the manifest last: it is the commit marker). Before a
library is loaded its bytes are read once, hashed and compared with the manifest; the *verified
bytes* are then loaded from an anonymous in-memory file (``memfd``) so that the file cannot be
swapped between the check and the load. A mismatch (corrupted or tampered library, or a
manifest that does not belong to the key) is reported with a warning and the kernel is rebuilt.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from symlight._version import __version__
from symlight.errors import SymlightError
from symlight.io import atomic_write_bytes, atomic_write_text

BASE_FLAGS = ("-O2", "-std=gnu99", "-shared", "-fPIC", "-fno-math-errno", "-fcx-fortran-rules")


class CompilerUnavailable(SymlightError):
    """No working C compiler: the compiled backend cannot be used (the NumPy backend can)."""


def cache_root() -> Path:
    """``$SYMLIGHT_CACHE`` if set, else ``~/.cache/symlight``."""
    env = os.environ.get("SYMLIGHT_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "symlight"


@functools.lru_cache(maxsize=4)
def _compiler(cc: str) -> tuple[str, str]:
    path = shutil.which(cc)
    if path is None:
        raise CompilerUnavailable(f"no C compiler {cc!r} on PATH; install gcc or use backend='numpy'")
    try:
        version = subprocess.run([path, "--version"], capture_output=True, text=True,
                                 timeout=30, check=True).stdout.splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError) as exc:
        raise CompilerUnavailable(f"the C compiler {path} does not run: {exc}") from exc
    return path, version


@functools.lru_cache(maxsize=2)
def openmp_available(cc: str = "gcc") -> bool:
    """Whether ``cc -fopenmp`` builds a shared library."""
    try:
        path, _ = _compiler(cc)
    except CompilerUnavailable:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "t.c")
        src.write_text("#include <omp.h>\nint f(void){return omp_get_max_threads();}\n")
        res = subprocess.run([path, *BASE_FLAGS, "-fopenmp", str(src), "-o", str(Path(tmp, "t.so"))],
                             capture_output=True, timeout=60)
    return res.returncode == 0


@dataclass
class LoadedLibrary:
    """A loaded shared library, where it came from and what the cache had to do."""

    library: ctypes.CDLL
    key: str
    path: Path
    status: str          # "hit", "built", or "rebuilt: <reason>"
    _fd: int | None = None


#: memfds of loaded libraries stay open for the life of the process: glibc's dlopen recognises
#: an already loaded object by its path string, so a reused "/proc/self/fd/N" would silently
#: return an older library. Never closing them keeps every path unique (one fd per kernel).
_OPEN_FDS: list[int] = []


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _load_bytes(data: bytes, fallback_dir: Path) -> tuple[ctypes.CDLL, int | None]:
    """Load a shared library from verified bytes (memfd on Linux, private temp file elsewhere)."""
    if hasattr(os, "memfd_create"):
        fd = os.memfd_create("symlight-kernel", 0)
        _OPEN_FDS.append(fd)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        return ctypes.CDLL(f"/proc/self/fd/{fd}"), fd
    fd, tmp = tempfile.mkstemp(suffix=".so", dir=fallback_dir)  # pragma: no cover - non-Linux
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    lib = ctypes.CDLL(tmp)
    os.unlink(tmp)
    return lib, None


_LOADED: dict[str, LoadedLibrary] = {}


def build_and_load(source: str, extra_flags: tuple[str, ...] = (), cc: str | None = None,
                   root: Path | None = None) -> LoadedLibrary:
    """Compile ``source`` (or take it from the cache) and load it; see the module docstring."""
    cc = cc or os.environ.get("CC", "gcc")
    path, version = _compiler(cc)
    flags = BASE_FLAGS + tuple(extra_flags)
    key = _sha256(json.dumps([source, path, list(flags), version, __version__]).encode())
    if key in _LOADED and root is None:
        return _LOADED[key]
    directory = (root or cache_root()) / "kernels"
    directory.mkdir(parents=True, exist_ok=True)
    so_path, manifest_path = directory / f"{key}.so", directory / f"{key}.json"
    status = "built"
    if so_path.exists() or manifest_path.exists():
        reason = _verify(so_path, manifest_path, key)
        if reason is None:
            data = so_path.read_bytes()
            if _sha256(data) == json.loads(manifest_path.read_text())["sha256"]:
                lib, fd = _load_bytes(data, directory)
                loaded = LoadedLibrary(lib, key, so_path, "hit", fd)
                _LOADED[key] = loaded
                return loaded
            reason = "library changed while it was being verified"
        warnings.warn(f"symlight kernel cache: {so_path.name} failed verification ({reason}); "
                      "rebuilding it", RuntimeWarning, stacklevel=3)
        status = f"rebuilt: {reason}"
    data = _compile(source, path, flags)
    atomic_write_bytes(so_path, data)
    manifest = {"key": key, "sha256": _sha256(data), "compiler": version, "flags": list(flags),
                "symlight": __version__}
    atomic_write_text(manifest_path, json.dumps(manifest, indent=1) + "\n")
    lib, fd = _load_bytes(data, directory)
    loaded = LoadedLibrary(lib, key, so_path, status, fd)
    _LOADED[key] = loaded
    return loaded


def _verify(so_path: Path, manifest_path: Path, key: str) -> str | None:
    """None when the cached pair is intact, else the reason it is not."""
    if not so_path.exists():
        return "library missing"
    if not manifest_path.exists():
        return "manifest missing"
    if so_path.is_symlink() or not so_path.is_file() or manifest_path.is_symlink() \
            or not manifest_path.is_file():
        return "not a regular file (a link or special file is never loaded)"
    try:
        manifest = json.loads(manifest_path.read_text())
        expected = manifest["sha256"]
        if manifest.get("key") != key:
            return "manifest belongs to another key"
    except (ValueError, KeyError, TypeError):
        return "manifest unreadable"
    if _sha256(so_path.read_bytes()) != expected:
        return "sha256 of the library does not match the manifest"
    return None


def _compile(source: str, compiler: str, flags: tuple[str, ...]) -> bytes:
    with tempfile.TemporaryDirectory(prefix="symlight-cc-") as tmp:
        src, out = Path(tmp, "kernel.c"), Path(tmp, "kernel.so")
        src.write_text(source)
        res = subprocess.run([compiler, *flags, str(src), "-o", str(out), "-lm"],
                             capture_output=True, text=True, timeout=600)
        if res.returncode != 0:
            raise SymlightError(f"C compilation of a generated kernel failed:\n{res.stderr[-2000:]}")
        return out.read_bytes()


def clear_memory_cache() -> None:
    """Forget the libraries loaded in this process (the next request re-verifies the files)."""
    _LOADED.clear()
