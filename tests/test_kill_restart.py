"""Killing a long sweep or report mid-run (SIGKILL) and restarting loses no finished work and
leaves no corrupt file (issue 11, "must show").

Real subprocesses (own session, killed by process group: only the processes started here):

* a checkpointed sweep (``symlight.sweeps.run_sweep(..., checkpoint=DIR)``) is killed after some
  tasks finished; every checkpoint file on disk verifies, the restart recomputes only the missing
  tasks (a per-task log tells which ran where) and its result equals an uninterrupted run and
  the independent closed form;
* ``symlight reproduce`` is killed while a slow topic runs: the previous report is intact
  byte for byte, the staging folder of the dead process is removed by the next run, and the
  restarted report's claims.json equals an uninterrupted run's.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent

SWEEP_SCRIPT = textwrap.dedent("""
    import os, sys, time
    import numpy as np
    from symlight.sweeps import run_sweep

    LOG = sys.argv[2]

    def work(task):
        x = float(task["x"])
        time.sleep(float(os.environ.get("TASK_SLEEP", "0")))
        with open(LOG, "a") as fh:
            fh.write(f"{os.getpid()} {task['i']}\\n")
        return {"value": np.array([np.sin(x) * x, np.exp(-x)]), "i": task["i"]}

    if __name__ == "__main__":
        tasks = [{"i": i, "x": 0.25 * i} for i in range(12)]
        out = run_sweep(work, tasks, executor="serial", checkpoint=sys.argv[1], progress=False)
        np.save(sys.argv[3], np.array([r["value"] for r in out]))
        print("done", flush=True)
""")

REPORT_SCRIPT = textwrap.dedent("""
    import os, sys, time
    import derivations
    from tests import _report_fakes

    def slow_module():
        mod = _report_fakes.FAKES["fake-optics"]()
        mod.TOPIC, mod.TITLE = "fake-slow2", "Slow when FAKE_SLEEP is set"
        optics_claims = mod.claims

        def claims():
            open(os.environ["STARTED"], "w").close()
            time.sleep(float(os.environ.get("FAKE_SLEEP", "0")))
            out = optics_claims()
            for c in out:
                c.topic = "fake-slow2"
            return out
        mod.claims = claims
        del mod.figures
        return mod

    fakes = {"fake-optics": _report_fakes.FAKES["fake-optics"], "fake-slow2": slow_module}
    derivations.TOPICS = {name: ("fake." + name, "fake_seed.txt") for name in fakes}
    derivations.load = lambda topic: fakes[topic]()
    from symlight.cli import main
    sys.exit(main(["reproduce", "fake-optics", "fake-slow2", "--out", sys.argv[1], "--no-progress"]))
""")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["MPLBACKEND"] = "Agg"
    env["SYMLIGHT_JOBS"] = "1"
    env.update(extra)
    return env


def _start(script: Path, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(script), *map(str, args)], cwd=ROOT,
                            env=_env(**env), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def _kill(proc: subprocess.Popen) -> None:
    """SIGKILL the process group this test started (the child and anything it forked)."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)


def _wait_for(predicate, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"child exited early ({proc.returncode}): {out!r} {err!r}")
        time.sleep(0.05)
    _kill(proc)
    raise AssertionError("timed out waiting for the child")


def _finish(proc: subprocess.Popen, timeout: float = 120.0) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, (proc.returncode, out, err)
    assert b"Traceback" not in err, err
    return out.decode()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_sigkilled_checkpointed_sweep_resumes_without_recomputing(tmp_path):
    from symlight.io.atomic import _owner_tag
    from symlight.sweeps import Checkpoint

    script = tmp_path / "sweep.py"
    script.write_text(SWEEP_SCRIPT)
    ckpt, log = tmp_path / "ckpt", tmp_path / "log.txt"

    first = _start(script, ckpt, log, tmp_path / "first.npy", TASK_SLEEP="0.3")
    _wait_for(lambda: len(list(ckpt.glob("task-*.npz"))) >= 4, first)
    _kill(first)
    assert first.returncode == -signal.SIGKILL
    kept = sorted(ckpt.glob("task-*.npz"))
    assert 4 <= len(kept) < 12, "the kill must land mid-sweep"
    # every file left on disk is complete and verifies (hash in the name, task key inside)
    store = Checkpoint(ckpt)
    assert store.rejected == []
    # a temp file of a writer killed mid-write (as SIGKILL during np.savez would leave it)
    dead = _dead_pid()
    torn = ckpt / f".{kept[0].name}.{_owner_tag().rsplit('-', 1)[0]}-{dead}.abc123.tmp"
    torn.write_bytes(kept[0].read_bytes()[:50])
    computed_first = [int(line.split()[1]) for line in log.read_text().splitlines()]

    second = _start(script, ckpt, log, tmp_path / "second.npy", TASK_SLEEP="0")
    assert "done" in _finish(second)
    lines = [line.split() for line in log.read_text().splitlines()]
    by_second = [int(i) for pid, i in lines if int(pid) == second.pid]
    finished_first = {int(p.name.split("-")[1]) for p in kept}
    assert finished_first.isdisjoint(by_second), "finished tasks were recomputed"
    assert sorted(finished_first | set(by_second)) == list(range(12))
    assert len(by_second) == 12 - len(finished_first)
    assert set(computed_first) >= finished_first
    assert not torn.exists(), "stale temp file of the dead writer was not removed"
    assert not list(ckpt.glob(".*")) and not list(ckpt.glob("*.corrupt"))

    resumed = np.load(tmp_path / "second.npy")
    x = 0.25 * np.arange(12)
    np.testing.assert_allclose(resumed, np.stack([np.sin(x) * x, np.exp(-x)], axis=1), rtol=0, atol=0)
    # an uninterrupted run (fresh checkpoint) gives the same bytes
    third = _start(script, tmp_path / "fresh", tmp_path / "log2.txt", tmp_path / "third.npy")
    _finish(third)
    assert np.load(tmp_path / "third.npy").tobytes() == resumed.tobytes()


def _tree_digest(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_sigkilled_reproduce_keeps_previous_report_and_next_run_cleans_staging(tmp_path, jobs):
    script = tmp_path / "report.py"
    script.write_text(REPORT_SCRIPT)
    out = tmp_path / "report"
    started = tmp_path / "started"

    reference = _start(script, out, STARTED=str(started), SYMLIGHT_JOBS=jobs)
    _finish(reference)
    before = _tree_digest(out)
    reference_claims = json.loads((out / "claims.json").read_text())
    assert {r["topic"] for r in reference_claims} == {"fake-optics", "fake-slow2"}
    started.unlink()

    killed = _start(script, out, STARTED=str(started), FAKE_SLEEP="60", SYMLIGHT_JOBS=jobs)
    _wait_for(started.exists, killed)
    _wait_for(lambda: list(tmp_path.glob(".report.*.new/figures/fake-optics/*.png")), killed)
    _kill(killed)
    staging = list(tmp_path.glob(".report.*.new"))
    assert len(staging) == 1 and f"-{killed.pid}." in staging[0].name  # the known weak spot
    assert _tree_digest(out) == before, "the previous report was touched by the killed run"

    restarted = _start(script, out, STARTED=str(started), SYMLIGHT_JOBS=jobs)
    _finish(restarted)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report", "report.py", "started"], \
        "stale staging folder of the killed run was not removed"
    assert json.loads((out / "claims.json").read_text()) == reference_claims
    assert (out / "index.html").read_text().rstrip().endswith("</html>")


def test_stale_siblings_of_live_processes_and_other_hosts_are_kept(tmp_path):
    from symlight.io import atomic_write_text, clean_stale, replace_directory
    from symlight.io.atomic import _HOST

    target = tmp_path / "out"
    live = tmp_path / f".out.{_HOST}-{os.getpid()}.x1.new"
    other_host = tmp_path / f".out.{_HOST}zz-{_dead_pid()}.x2.new"
    dead = tmp_path / f".out.{_HOST}-{_dead_pid()}.x3.new"
    for d in (live, other_host, dead):
        d.mkdir()
    with replace_directory(target) as staging:
        (staging / "a.txt").write_text("new")
    assert live.exists() and other_host.exists() and not dead.exists()
    # a swap killed between its two renames: the previous content sits in .out.old-<pid>
    (target / "a.txt").write_text("previous")
    old = tmp_path / f".out.old-{_dead_pid()}"
    target.rename(old)
    assert clean_stale(target) == [old]
    assert (target / "a.txt").read_text() == "previous"
    # very long names still get an atomic sibling that fits the file-name limit
    long_target = tmp_path / ("n" * 250)
    atomic_write_text(long_target, "ok")
    assert long_target.read_text() == "ok"
    with replace_directory(tmp_path / ("d" * 250)) as staging:
        (staging / "f").write_text("x")
    assert (tmp_path / ("d" * 250) / "f").read_text() == "x"
