"""Sweep checkpoints: one content-addressed ``.npz`` file per finished task, verified on load.

Layout of a checkpoint directory::

    task-<index>-<task key>-<sha256 of the file bytes>.npz

* ``<task key>`` is a hash of the sweep function's qualified name and the task's canonical
  encoding (``task_key``): a checkpoint can never hand one sweep's result to another.
* ``<sha256>`` is the hash of the file's bytes; on load the bytes are hashed again and a file whose
  hash does not match its name (torn, truncated, edited) is ignored and recomputed, never loaded.
* Files are written atomically (``symlight.io.atomic``) and read with ``allow_pickle=False``:
  a checkpoint never executes code from disk.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from symlight.errors import InputError, describe
from symlight.io.atomic import atomic_write_bytes, clean_stale_in

_NAME = re.compile(r"^task-(\d{6,})-([0-9a-f]{24})-([0-9a-f]{64})\.npz$")
_ARRAY_KEY = "__array__"
_SCALAR_KEY = "__scalar__"
_TASK_KEY = "__task_key__"
_PREFIX = "r:"


def _canon(obj: Any, out: list[bytes]) -> None:
    """Append a canonical, type-tagged byte encoding of ``obj`` (for hashing) to ``out``."""
    if obj is None or isinstance(obj, bool):
        out.append(f"<{obj!r}>".encode())
    elif isinstance(obj, int | float | complex | str | np.generic):
        item = obj.item() if isinstance(obj, np.generic) else obj
        out.append(f"<{type(item).__name__}:{item!r}>".encode())
    elif isinstance(obj, np.ndarray):
        if obj.dtype == object:
            raise InputError(f"task contains an object array {describe(obj)}; use numeric arrays")
        arr = np.ascontiguousarray(obj)
        out.append(f"<nd:{arr.dtype.str}:{arr.shape}>".encode())
        out.append(arr.tobytes())
    elif isinstance(obj, Mapping):
        out.append(b"<map>")
        for key in sorted(obj, key=repr):
            _canon(key, out)
            _canon(obj[key], out)
        out.append(b"</map>")
    elif isinstance(obj, list | tuple):
        out.append(f"<{type(obj).__name__}>".encode())
        for item in obj:
            _canon(item, out)
        out.append(b"</seq>")
    else:
        raise InputError(
            f"cannot fingerprint task item {describe(obj)}: tasks for a checkpointed sweep must be "
            "built from numbers, strings, numpy arrays, lists, tuples and dicts")


def task_key(fn: Any, task: Any) -> str:
    """24-hex-digit hash of the sweep function's identity and the task's canonical encoding."""
    name = f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"
    parts: list[bytes] = [name.encode()]
    _canon(task, parts)
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part)
    return digest.hexdigest()[:24]


def encode_result(result: Any, key: str) -> bytes:
    """The ``.npz`` bytes of one task result (a dict of arrays, an array, or a number)."""
    arrays: dict[str, np.ndarray] = {_TASK_KEY: np.array(key)}
    if isinstance(result, Mapping):
        for name, value in result.items():
            if not isinstance(name, str):
                raise InputError(f"result key {describe(name)} is not a string; checkpointed "
                                 "results must be dicts with string keys")
            arrays[_PREFIX + name] = _numeric(value, name)
    elif isinstance(result, np.ndarray):
        arrays[_ARRAY_KEY] = _numeric(result, "result")
    elif isinstance(result, int | float | complex | np.number):
        arrays[_SCALAR_KEY] = np.asarray(result)
    else:
        raise InputError(f"cannot checkpoint the result {describe(result)}: return a dict of numeric "
                         "arrays, a numeric array or a number, or run without checkpoint=")
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _numeric(value: Any, name: str) -> np.ndarray:
    arr = np.asarray(value)
    if arr.dtype == object or arr.dtype.kind not in "biufcU":
        raise InputError(f"result entry {name!r} = {describe(value)} is not numeric; it cannot be "
                         "checkpointed")
    return arr


def decode_result(data: bytes, key: str) -> Any:
    """Inverse of ``encode_result``; raises ValueError when the content does not fit ``key``."""
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        stored = {name: npz[name] for name in npz.files}
    if str(stored.pop(_TASK_KEY, "")) != key:
        raise ValueError("task key stored in the file does not match its name")
    if _ARRAY_KEY in stored:
        return stored[_ARRAY_KEY]
    if _SCALAR_KEY in stored:
        return stored[_SCALAR_KEY][()]
    return {name[len(_PREFIX):]: value for name, value in stored.items()}


class Checkpoint:
    """A checkpoint directory for one sweep (see the module docstring for the layout)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise InputError(f"checkpoint path {str(self.path)!r} exists and is not a directory; "
                             "give a directory (it is created if missing)")
        self.path.mkdir(parents=True, exist_ok=True)
        self.rejected: list[str] = []
        # temporary files of writers killed mid-write (SIGKILL): never loaded, removed here
        self.cleaned = [p.name for p in clean_stale_in(self.path, r"task-[^/]+\.npz")]

    def load(self, keys: list[str]) -> dict[int, Any]:
        """Results already finished for the tasks whose keys are ``keys`` (index -> result).

        Every file is hashed and decoded before it is trusted; files that fail are reported in
        ``self.rejected``, renamed aside (``.corrupt``) and their tasks recomputed.
        """
        found: dict[int, Any] = {}
        for file in sorted(self.path.glob("task-*.npz")):
            match = _NAME.match(file.name)
            if not match:
                continue
            index, key, digest = int(match.group(1)), match.group(2), match.group(3)
            if index >= len(keys) or keys[index] != key:
                continue  # another sweep's (or an older sweep's) result: not ours
            problem = None
            if file.is_symlink() or not file.is_file():
                # a link (to /dev/zero, to another sweep's file) or a special file is never read
                self.rejected.append(f"{file.name}: not a regular file")
                warnings.warn(f"checkpoint entry {file} ignored: not a regular file; the task is "
                              "recomputed", RuntimeWarning, stacklevel=3)
                continue
            data = file.read_bytes()
            if hashlib.sha256(data).hexdigest() != digest:
                problem = "content hash does not match the file name"
            else:
                try:
                    result = decode_result(data, key)
                except Exception as exc:  # noqa: BLE001 - any decoding failure means "corrupt"
                    problem = f"cannot be decoded ({type(exc).__name__}: {exc})"
            if problem:
                self.rejected.append(f"{file.name}: {problem}")
                warnings.warn(f"checkpoint file {file} ignored: {problem}; the task is recomputed",
                              RuntimeWarning, stacklevel=3)
                file.replace(file.with_name(file.name + ".corrupt"))
                continue
            found[index] = result
        return found

    def save(self, index: int, key: str, result: Any) -> Path:
        """Atomically write the result of task ``index``; returns the file written."""
        data = encode_result(result, key)
        digest = hashlib.sha256(data).hexdigest()
        return atomic_write_bytes(self.path / f"task-{index:06d}-{key}-{digest}.npz", data)

    def summary(self) -> str:
        files = list(self.path.glob("task-*.npz"))
        return json.dumps({"path": str(self.path), "files": len(files), "rejected": self.rejected})
