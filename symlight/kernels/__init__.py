"""Code generation: fast numeric kernels from SymPy expressions and matrices.

One interface, interchangeable backends (as PyDy's code generators)::

    from symlight.kernels import generate
    k = generate(M, [Omega1, Omega2, Delta1], backend="numpy")   # or backend="c"
    out = k(Om1, Om2, D1)           # arrays of length P broadcast -> out.shape == (P, *M.shape)
    out = k.call_dict({"Omega1": Om1, ...})

* ``"numpy"``: vectorised NumPy/SciPy source with ``sympy.cse`` (:mod:`.numpy_backend`);
  supports Bessel / spherical Bessel functions through ``scipy.special``.
* ``"c"``: C99 compiled at run time with the system compiler, OpenMP over the batch when
  available, cached by content hash and verified before loading (:mod:`.c_backend`,
  :mod:`.cache`). It wins where the kernel is compute-bound (many operations per output
  entry); for sparse, cheap matrices such as the 15×15 pair matrix both backends are bound by
  writing the output array (``bench/bench_kernels.py`` measures both cases).

Security: argument names never reach generated code (:mod:`.expressions`); unsupported nodes
are refused with :class:`symlight.errors.InputError`.

Batched linear solvers built on the kernels live in :mod:`symlight.kernels.batched`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import sympy as sp

from symlight.errors import InputError, describe
from symlight.kernels.expressions import Prepared, prepare

BACKENDS = ("numpy", "c")


class Kernel:
    """A generated numeric kernel: call with one array (or scalar) per argument.

    Attributes: ``backend``, ``source`` (the generated code), ``shape`` (output shape of one
    parameter set), ``arg_names`` (the user's symbol names, in call order), ``complex_output``,
    ``cache_status`` (C backend: ``"hit"``, ``"built"`` or ``"rebuilt: <reason>"``).
    """

    def __init__(self, backend: str, func: Any, source: str, prep: Prepared,
                 cache_status: str | None = None) -> None:
        self.backend = backend
        self._func = func
        self.source = source
        self._prep = prep
        self.shape = prep.shape
        self.arg_names = prep.arg_names
        self.complex_output = prep.complex_output
        self.cache_status = cache_status

    def __call__(self, *arrays: Any, out: np.ndarray | None = None) -> np.ndarray:
        if len(arrays) != len(self.arg_names):
            raise InputError(f"kernel takes {len(self.arg_names)} arguments "
                             f"({', '.join(self.arg_names)}), got {len(arrays)}")
        return self._func(*arrays, out=out)

    def call_dict(self, params: Mapping[str, Any], out: np.ndarray | None = None) -> np.ndarray:
        """Call with a mapping from argument names to values (extra keys are an error)."""
        missing = [n for n in self.arg_names if n not in params]
        extra = [n for n in params if n not in self.arg_names]
        if missing or extra:
            raise InputError(f"kernel parameters: missing {missing}, unknown {extra}; "
                             f"expected exactly {list(self.arg_names)}")
        return self(*(params[n] for n in self.arg_names), out=out)

    def set_threads(self, n: int) -> None:
        """OpenMP threads of this C kernel (default 1, so that shared machines are not
        oversubscribed; no effect for NumPy)."""
        if hasattr(self._func, "set_threads"):
            self._func.set_threads(n)

    def __repr__(self) -> str:
        return (f"Kernel(backend={self.backend!r}, shape={self.shape}, args={list(self.arg_names)},"
                f" complex={self.complex_output})")


def generate(exprs: Any, args: Sequence[sp.Symbol], backend: str = "numpy", *, cse: bool = True,
             dtype: str = "auto", threads: bool | None = None,
             cache_dir: Any = None, max_nodes: int | None = None) -> Kernel:
    """Generate a kernel for ``exprs`` (Expr, Matrix, Array or list) in the ordered ``args``.

    ``backend``: ``"numpy"`` or ``"c"``. ``dtype``: ``"auto"`` (complex unless SymPy proves the
    output real for real-declared arguments), ``"real"``, ``"complex"``. ``threads`` (C only):
    build with OpenMP (default: when the compiler supports it). ``cache_dir`` (C only): cache
    root instead of ``$SYMLIGHT_CACHE`` / ``~/.cache/symlight``. ``max_nodes``: resource bound on
    the size of the input (default ``symlight.kernels.expressions.MAX_KERNEL_NODES``).
    """
    if backend not in BACKENDS:
        hint = " (numba is not used: the C backend was measured faster and has no extra " \
            "dependency)" if backend == "numba" else ""
        raise InputError(f"unknown kernel backend {describe(backend)}; valid: {BACKENDS}{hint}")
    prep = prepare(exprs, args, dtype=dtype, max_nodes=max_nodes)
    if backend == "numpy":
        from symlight.kernels.numpy_backend import compile_numpy

        func, source = compile_numpy(prep, cse=cse)
        return Kernel("numpy", func, source, prep)
    from pathlib import Path

    from symlight.kernels.c_backend import CKernelFunction, c_source
    from symlight.kernels.cache import build_and_load, openmp_available

    use_omp = openmp_available() if threads is None else bool(threads)
    source = c_source(prep, cse=cse, threads=use_omp)
    loaded = build_and_load(source, ("-fopenmp",) if use_omp else (),
                            root=Path(cache_dir) if cache_dir is not None else None)
    return Kernel("c", CKernelFunction(loaded.library, prep), source, prep, loaded.status)


__all__ = ["BACKENDS", "Kernel", "generate"]
