"""save_figure: the PNG is complete or absent, the figure is closed, the record carries the timing."""

from __future__ import annotations

import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from symlight.report import Figure, save_figure  # noqa: E402


def test_save_figure_writes_png_and_record(tmp_path):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [1, 0])
    t0 = time.perf_counter()
    rec = save_figure(fig, tmp_path / "f.png", "Fig. 9", "a caption", "symlight reproduce x", started=t0)
    assert isinstance(rec, Figure)
    assert rec.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert rec.seconds > 0 and rec.name == "Fig. 9"
    assert not plt.fignum_exists(fig.number)
    assert [p.name for p in tmp_path.iterdir()] == ["f.png"]  # no temporary left behind


def test_save_figure_failure_leaves_previous_file(tmp_path):
    target = tmp_path / "f.png"
    target.write_bytes(b"previous")
    fig, ax = plt.subplots()
    ax.set_title(r"$\frac{$")  # mathtext cannot parse this: rendering fails
    with pytest.raises(ValueError):
        save_figure(fig, target, "Fig. 1", "", "", seconds=1.0)
    assert target.read_bytes() == b"previous"
    assert not plt.fignum_exists(fig.number)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.png"]


def test_written_files_get_ordinary_permissions(tmp_path):
    """Atomic writes must not leave mkstemp's private 0o600 on files meant to be shared."""
    import os
    import stat

    from symlight.io import atomic_write_text

    old = os.umask(0o022)
    try:
        fig, ax = plt.subplots()
        rec = save_figure(fig, tmp_path / "f.png", "Fig. 1", "", "", seconds=0.0)
        fresh = atomic_write_text(tmp_path / "a.txt", "x")
        kept = tmp_path / "b.txt"
        kept.write_text("old")
        kept.chmod(0o640)
        atomic_write_text(kept, "new")
    finally:
        os.umask(old)
    assert stat.S_IMODE(rec.path.stat().st_mode) == 0o644
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640  # an existing file keeps its mode


def test_replaced_directory_gets_ordinary_permissions(tmp_path):
    """The staging folder of replace_directory must not keep mkdtemp's private 0o700."""
    import os
    import stat

    from symlight.io import replace_directory

    old = os.umask(0o022)
    try:
        with replace_directory(tmp_path / "rep") as staging:
            (staging / "x").write_text("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "rep").stat().st_mode) == 0o755
