"""Checkpoints: an interrupted (even SIGKILLed) sweep keeps what finished and resumes; a corrupt
checkpoint is detected by its content hash and recomputed, never loaded."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from symlight.errors import InputError
from symlight.sweeps import run_sweep

ROOT = Path(__file__).resolve().parent.parent


class Interrupt(Exception):
    pass


def _marked(task: tuple[int, str, float]) -> dict[str, np.ndarray]:
    """Record each execution in a marker file, then return a value only the task determines."""
    index, marker_dir, delay = task
    if Path(marker_dir, f"stop-{index}").exists():
        raise Interrupt("simulated interruption")
    Path(marker_dir, f"ran-{index}-{os.getpid()}-{time.monotonic_ns()}").touch()
    time.sleep(delay)
    return {"value": np.arange(3) * index + 0.5, "index": np.array(index)}




def _square_value(x: int) -> int:
    return x * x


def _ran(marker_dir: Path) -> list[int]:
    return sorted(int(p.name.split("-")[1]) for p in marker_dir.glob("ran-*"))


def _check(results) -> None:
    for i, r in enumerate(results):
        assert np.array_equal(r["value"], np.arange(3) * i + 0.5)


def test_interrupted_sweep_resumes_only_missing(tmp_path):
    markers, ckpt = tmp_path / "m", tmp_path / "ckpt"
    markers.mkdir()
    tasks = [(i, str(markers), 0.0) for i in range(8)]
    (markers / "stop-5").touch()
    with pytest.raises(Interrupt):
        run_sweep(_marked, tasks, executor="serial", checkpoint=ckpt, progress=False)
    assert _ran(markers) == [0, 1, 2, 3, 4]
    assert len(list(ckpt.glob("task-*.npz"))) == 5
    (markers / "stop-5").unlink()
    results = run_sweep(_marked, tasks, executor="serial", checkpoint=ckpt, progress=False)
    _check(results)
    assert _ran(markers) == [0, 1, 2, 3, 4, 5, 6, 7]  # 0-4 came from the checkpoint
    # a different function on the same tasks gets its own keys: nothing is shared with it
    assert run_sweep(_square_value, [2], executor="serial", checkpoint=ckpt, progress=False) == [4]
    before = len(_ran(markers))
    again = run_sweep(_marked, tasks, executor="local", workers=2, checkpoint=ckpt, progress=False)
    _check(again)
    assert len(_ran(markers)) == before  # everything came from the checkpoint


def test_sigkill_and_resume(tmp_path):
    markers, ckpt = tmp_path / "m", tmp_path / "ckpt"
    markers.mkdir()
    tasks = [(i, str(markers), 0.15) for i in range(10)]
    script = ("import sys; from tests.test_sweeps_checkpoint import _marked; "
              "from symlight.sweeps import run_sweep; "
              f"run_sweep(_marked, {tasks!r}, executor='serial', checkpoint={str(ckpt)!r}, "
              "progress=False)")
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(ckpt.glob("task-*.npz"))) < 3:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    kept = {int(p.name.split("-")[1]) for p in ckpt.glob("task-*.npz")}
    assert 3 <= len(kept) < 10
    results = run_sweep(_marked, tasks, executor="serial", checkpoint=ckpt, progress=False)
    _check(results)
    # each kept task ran exactly once overall; the others ran once in the resumed run
    counts = np.bincount(_ran(markers), minlength=10)
    for i in range(10):
        assert counts[i] in (1, 2)
        if i in kept:
            assert counts[i] == 1


def test_corrupt_checkpoint_is_detected_and_rebuilt(tmp_path):
    markers, ckpt = tmp_path / "m", tmp_path / "ckpt"
    markers.mkdir()
    tasks = [(i, str(markers), 0.0) for i in range(4)]
    run_sweep(_marked, tasks, executor="serial", checkpoint=ckpt, progress=False)
    files = sorted(ckpt.glob("task-*.npz"))
    # 1) flip one byte: hash mismatch
    data = bytearray(files[1].read_bytes())
    data[len(data) // 2] ^= 0xFF
    files[1].write_bytes(bytes(data))
    # 2) a file whose name carries the right hash of garbage (a pickle, never to be loaded)
    import hashlib
    import pickle

    evil = pickle.dumps({"value": "boom"})
    name = files[2].name.rsplit("-", 1)[0] + f"-{hashlib.sha256(evil).hexdigest()}.npz"
    files[2].unlink()
    (ckpt / name).write_bytes(evil)
    with pytest.warns(RuntimeWarning, match="ignored"):
        results = run_sweep(_marked, tasks, executor="serial", checkpoint=ckpt, progress=False)
    _check(results)
    assert sorted(_ran(markers)) == [0, 1, 1, 2, 2, 3]
    assert len(list(ckpt.glob("*.corrupt"))) == 2


def test_links_and_special_files_in_a_checkpoint_are_never_read(tmp_path):
    """A task file that is a link to /dev/zero (reading would never end) or to another file is
    rejected without being read, and its task recomputed."""
    markers, ckpt = tmp_path / "m", tmp_path / "ckpt"
    markers.mkdir()
    tasks = [(i, str(markers), 0.0) for i in range(3)]
    run_sweep(_marked, tasks, executor="serial", checkpoint=ckpt, progress=False)
    files = sorted(ckpt.glob("task-*.npz"))
    outside = tmp_path / "outside.npz"
    files[0].rename(outside)
    files[0].symlink_to(outside)          # a valid file, but through a link
    files[1].unlink()
    files[1].symlink_to("/dev/zero")      # endless
    with pytest.warns(RuntimeWarning, match="not a regular file"):
        results = run_sweep(_marked, tasks, executor="serial", checkpoint=ckpt, progress=False)
    _check(results)
    assert sorted(_ran(markers)) == [0, 0, 1, 1, 2]
    assert not files[1].is_symlink() and files[1].is_file()  # replaced by the recomputed result


def test_uncheckpointable_results_and_tasks_are_refused(tmp_path):
    with pytest.raises(InputError, match="checkpoint"):
        run_sweep(str, [1], executor="serial", checkpoint=tmp_path / "c", progress=False)
    with pytest.raises(InputError, match="fingerprint"):
        run_sweep(repr, [object()], executor="serial", checkpoint=tmp_path / "c", progress=False)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="not a directory"):
        run_sweep(repr, [1], executor="serial", checkpoint=tmp_path / "file", progress=False)
