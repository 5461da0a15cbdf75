"""One executor interface for sweeps and ensembles: local processes or a Dask cluster.

    from symlight.sweeps import run_sweep, task_rng
    results = run_sweep(fn, tasks, executor="local" | "serial" | "tcp://host:8786" | client,
                        workers=None, checkpoint="ckpt-dir", progress=None)

See ``symlight.sweeps.executor`` (execution, progress) and ``symlight.sweeps.checkpoint``
(atomic, content-hashed checkpoints that resume an interrupted sweep).
"""

from symlight.sweeps.checkpoint import Checkpoint, task_key
from symlight.sweeps.executor import SCHEDULER_ENV, describe_executor, run_sweep, task_rng

__all__ = ["SCHEDULER_ENV", "Checkpoint", "describe_executor", "run_sweep", "task_key", "task_rng"]
