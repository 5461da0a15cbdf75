"""run_sweep: local processes, serial and a real dask.distributed LocalCluster give identical numbers."""

from __future__ import annotations

import numpy as np
import pytest

from symlight.errors import InputError
from symlight.sweeps import run_sweep, task_rng


def _noisy_sum(task: tuple[int, int]) -> dict[str, np.ndarray]:
    """A seeded random task: the same task gives the same numbers wherever it runs."""
    seed, index = task
    rng = task_rng(seed, index)
    x = rng.normal(size=50)
    return {"mean": np.array(x.mean()), "cumsum": np.cumsum(x), "index": np.array(index)}


def _square(x: float) -> float:
    return x * x


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("task three fails")
    return x


TASKS = [(20261120, i) for i in range(12)]


def _reference() -> list[dict[str, np.ndarray]]:
    # independent of run_sweep: a plain loop over the same seeded generator construction
    out = []
    for seed, i in TASKS:
        x = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(i,))).normal(size=50)
        out.append({"mean": x.mean(), "cumsum": np.cumsum(x)})
    return out


def _assert_same(results, reference) -> None:
    assert len(results) == len(reference)
    for i, (got, want) in enumerate(zip(results, reference, strict=True)):
        assert int(got["index"]) == i
        assert np.array_equal(got["cumsum"], want["cumsum"])
        assert float(got["mean"]) == float(want["mean"])


def test_serial_matches_plain_loop():
    _assert_same(run_sweep(_noisy_sum, TASKS, executor="serial", progress=False), _reference())


def test_local_processes_match_plain_loop():
    _assert_same(run_sweep(_noisy_sum, TASKS, executor="local", workers=2, progress=False),
                 _reference())


def test_dask_localcluster_matches_local_run():
    distributed = pytest.importorskip("distributed")
    local = run_sweep(_noisy_sum, TASKS, executor="local", workers=2, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", host="127.0.0.1", scheduler_port=0,
                                  dashboard_address=None) as cluster:
        # by address (the --scheduler path) and by Client object
        by_address = run_sweep(_noisy_sum, TASKS, executor=cluster.scheduler_address,
                               progress=False)
        with distributed.Client(cluster) as client:
            by_client = run_sweep(_square, [1.5, 2.0, 3.0], executor=client, progress=False)
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1")
    _assert_same(by_address, _reference())
    for a, b in zip(local, by_address, strict=True):
        assert all(np.array_equal(a[k], b[k]) for k in a)
    assert by_client == [2.25, 4.0, 9.0]


def test_scheduler_from_environment(monkeypatch):
    monkeypatch.setenv("SYMLIGHT_SCHEDULER", "serial")
    assert run_sweep(_square, [1, 2, 3], progress=False) == [1, 4, 9]


def test_errors_propagate_and_bad_arguments_are_clear():
    with pytest.raises(ValueError, match="task three"):
        run_sweep(_fail_on_three, range(5), executor="serial", progress=False)
    with pytest.raises(ValueError, match="task three"):
        run_sweep(_fail_on_three, range(5), executor="local", workers=2, progress=False)
    with pytest.raises(InputError, match="executor"):
        run_sweep(_square, [1], executor="threads")
    with pytest.raises(InputError, match="workers"):
        run_sweep(_square, [1], workers=0)
    with pytest.raises(InputError, match="not callable"):
        run_sweep(3, [1])
    with pytest.raises(InputError, match="root_seed"):
        task_rng(-1)
    assert run_sweep(_square, [], progress=False) == []


def test_progress_bar_runs(capsys):
    assert run_sweep(_square, range(4), executor="serial", progress=True) == [0, 1, 4, 9]
    assert "task" in capsys.readouterr().err


def _blas_threads(_task):
    from threadpoolctl import threadpool_info

    return max((lib["num_threads"] for lib in threadpool_info()), default=1)


def test_local_workers_run_one_blas_thread_by_default():
    """N worker processes x multi-threaded BLAS would oversubscribe the cores."""
    from threadpoolctl import threadpool_info

    if not threadpool_info():
        pytest.skip("no BLAS/OpenMP thread pool found in this process (nothing to limit)")
    assert run_sweep(_blas_threads, [0, 1], executor="local", workers=2, progress=False) == [1, 1]
    with pytest.raises(InputError, match="blas_threads"):
        run_sweep(_blas_threads, [0], blas_threads=0)
