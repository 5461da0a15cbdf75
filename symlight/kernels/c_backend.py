"""Compiled backend: C99 generated from SymPy, built at run time with the system compiler.

One generated function per kernel::

    void symlight_kernel(long n, const void *const *args, const long *strides, void *out)

loops over the ``n`` parameter sets (OpenMP ``parallel for`` when built with threads), reads
argument ``i`` of set ``p`` at ``args[i][p * strides[i]]`` (stride 0 broadcasts a scalar), and
writes the whole flattened output of set ``p`` contiguously: ``out[p * size + k]``. Complex
kernels use ``double complex`` and the C99 ``c``-prefixed functions (``csqrt``, ``clog``, ...),
whose branch cuts are SymPy's principal branches. Bessel functions are not available in C99
for complex arguments; kernels that need them are refused here (use the NumPy backend).

The shared library is cached by content hash (see :mod:`symlight.kernels.cache`).
"""

from __future__ import annotations

import ctypes
from typing import Any

import numpy as np
import sympy as sp
from sympy.printing.c import C99CodePrinter

from symlight.errors import InputError
from symlight.kernels.expressions import FUNCTIONS, SPECIAL_FUNCTIONS, Prepared

_REAL = {"exp": "exp", "log": "log", "sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin",
         "acos": "acos", "atan": "atan", "atan2": "atan2", "sinh": "sinh", "cosh": "cosh",
         "tanh": "tanh", "asinh": "asinh", "acosh": "acosh", "atanh": "atanh", "abs": "fabs",
         "re": "", "im": "0.0*", "conjugate": "", "arg": "sl_arg_real"}
_COMPLEX = {"exp": "cexp", "log": "clog", "sin": "csin", "cos": "ccos", "tan": "ctan",
            "asin": "casin", "acos": "cacos", "atan": "catan", "sinh": "csinh", "cosh": "ccosh",
            "tanh": "ctanh", "asinh": "casinh", "acosh": "cacosh", "atanh": "catanh",
            "abs": "cabs", "re": "creal", "im": "cimag", "conjugate": "conj", "arg": "carg"}

_PRELUDE = """\
#include <complex.h>
#include <math.h>
typedef double complex sl_cplx;
static inline double sl_ipow_r(double x, long n) {
    double r = 1.0;
    while (n) { if (n & 1) r *= x; x *= x; n >>= 1; }
    return r;
}
static inline sl_cplx sl_ipow_c(sl_cplx x, long n) {
    sl_cplx r = 1.0;
    while (n) { if (n & 1) r *= x; x *= x; n >>= 1; }
    return r;
}
static inline double sl_arg_real(double x) { return x < 0 ? M_PI : 0.0; }
/* threads used by this kernel only (1 by default: shared machines; see Kernel.set_threads) */
static int sl_threads = 1;
void symlight_set_threads(int n) { sl_threads = n > 0 ? n : 1; }
"""


class KernelCPrinter(C99CodePrinter):
    """C99 printer for one scalar type (real ``double`` or ``double complex``)."""

    def __init__(self, complex_mode: bool) -> None:
        super().__init__({"strict": True})
        self.complex_mode = complex_mode

    def _print_Float(self, expr: sp.Float) -> str:
        return repr(float(expr))

    def _print_ImaginaryUnit(self, expr: sp.Expr) -> str:
        if not self.complex_mode:  # pragma: no cover - real kernels never contain I
            raise InputError("a real C kernel cannot contain I")
        return "_Complex_I"

    def _print_Pow(self, expr: sp.Pow) -> str:
        base, ex = expr.as_base_exp()
        b = self._print(base)
        ipow = "sl_ipow_c" if self.complex_mode else "sl_ipow_r"
        if ex.is_Integer:
            n = int(ex)
            if n == 1:
                return f"({b})"
            if n == -1:
                return f"(1.0/({b}))"
            if n == 2:
                return f"(({b})*({b}))"
            return f"({ipow}({b}, {n}))" if n > 0 else f"(1.0/{ipow}({b}, {-n}))"
        sqrt = "csqrt" if self.complex_mode else "sqrt"
        if ex == sp.S.Half:
            return f"{sqrt}({b})"
        if ex == -sp.S.Half:
            return f"(1.0/{sqrt}({b}))"
        return f"{'cpow' if self.complex_mode else 'pow'}({b}, {self._print(ex)})"

    def _print_Function(self, expr: sp.Function) -> str:
        name = FUNCTIONS.get(type(expr))
        table = _COMPLEX if self.complex_mode else _REAL
        if name is None or name not in table:
            raise InputError(f"the C backend cannot evaluate {type(expr).__name__}"
                             f"{' for complex arguments' if self.complex_mode else ''}; "
                             "use backend='numpy'")
        args = ", ".join(self._print(a) for a in expr.args)
        return f"{table[name]}({args})"

    for _cls in FUNCTIONS:
        locals()[f"_print_{_cls.__name__}"] = _print_Function
    del _cls


def c_source(prep: Prepared, cse: bool = True, threads: bool = True) -> str:
    """C99 source of the kernel (see the module docstring for the calling convention)."""
    bad = sorted(prep.functions & SPECIAL_FUNCTIONS)
    if bad:
        raise InputError(f"the C backend has no {', '.join(bad)}; use backend='numpy' for "
                         "kernels with Bessel/special functions")
    cm = prep.complex_output
    printer = KernelCPrinter(cm)
    scalar = "sl_cplx" if cm else "double"
    exprs = list(prep.exprs)
    nonzero = [k for k, e in enumerate(exprs) if e != 0]
    if cse and nonzero:
        replacements, reduced = sp.cse([exprs[k] for k in nonzero],
                                       symbols=sp.numbered_symbols("_c"), order="none")
    else:
        replacements, reduced = [], [exprs[k] for k in nonzero]
    size = max(1, int(np.prod(prep.shape))) if prep.shape else 1
    body = []
    for i, (a, real) in enumerate(zip(prep.args, prep.arg_real, strict=True)):
        ctype = "double" if real else "sl_cplx"
        body.append(f"        const {ctype} {a} = (({ctype} const *)args[{i}])[p * strides[{i}]];")
    for sym, sub in replacements:
        # a temporary SymPy proves real is kept in a double (cheaper mixed arithmetic)
        ctype = "double" if (not cm or sub.is_extended_real is True) else "sl_cplx"
        body.append(f"        const {ctype} {sym} = {printer.doprint(sub)};")
    body.append(f"        {scalar} *o = (({scalar} *)out) + p * {size}L;")
    values = dict(zip(nonzero, reduced, strict=True))
    for k in range(size):
        if k in values:
            body.append(f"        o[{k}] = {printer.doprint(values[k])};")
        else:
            body.append(f"        o[{k}] = 0.0;")
    pragma = ("    #pragma omp parallel for schedule(static) num_threads(sl_threads) "
              "if(sl_threads > 1 && n > 2048)\n") if threads else ""
    return (_PRELUDE
            + "void symlight_kernel(long n, const void *const *args, const long *strides, void *out)\n"
            + "{\n" + pragma + "    for (long p = 0; p < n; ++p) {\n"
            + "\n".join(body) + "\n    }\n}\n")


class CKernelFunction:
    """Callable wrapper around a loaded ``symlight_kernel`` symbol (NumPy in, NumPy out)."""

    def __init__(self, library: Any, prep: Prepared) -> None:
        self._lib = library
        self._fn = library.symlight_kernel
        self._fn.restype = None
        self._fn.argtypes = [ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        self._prep = prep
        self._out_dtype = np.complex128 if prep.complex_output else np.float64
        self._set_threads = library.symlight_set_threads
        self._set_threads.argtypes = [ctypes.c_int]
        self._set_threads.restype = None

    def set_threads(self, n: int) -> None:
        """OpenMP threads for this kernel (default 1; kernels built without OpenMP ignore it)."""
        self._set_threads(int(n))

    def __call__(self, *arrays: Any, out: np.ndarray | None = None) -> np.ndarray:
        prep = self._prep
        if len(arrays) != len(prep.args):
            raise InputError(f"kernel takes {len(prep.args)} arguments "
                             f"({', '.join(prep.arg_names)}), got {len(arrays)}")
        conv = []
        for x, real in zip(arrays, prep.arg_real, strict=True):
            dt = np.float64 if real else np.complex128
            arr = np.asarray(x)
            if real and np.iscomplexobj(arr):
                if np.any(arr.imag != 0):
                    raise InputError("a real-declared kernel argument received complex values")
                arr = arr.real
            conv.append(np.asarray(arr, dtype=dt))
        shape = np.broadcast_shapes(*(a.shape for a in conv)) if conv else ()
        n = int(np.prod(shape)) if shape else 1
        flat = []
        strides = []
        for a in conv:
            if a.shape == shape:
                c = np.ascontiguousarray(a).reshape(-1)
                flat.append(c)
                strides.append(1)
            elif a.size == 1:
                flat.append(a.reshape(1))
                strides.append(0)
            else:
                flat.append(np.ascontiguousarray(np.broadcast_to(a, shape)).reshape(-1))
                strides.append(1)
        full = tuple(shape) + tuple(prep.shape)
        if out is None:
            out = np.empty(full, dtype=self._out_dtype)
        elif out.shape != full or out.dtype != self._out_dtype or not out.flags.c_contiguous:
            raise InputError(f"out must be a C-contiguous {np.dtype(self._out_dtype).name} array "
                             f"of shape {full}, got {out.dtype} {out.shape}")
        ptrs = (ctypes.c_void_p * max(1, len(flat)))(*[a.ctypes.data for a in flat])
        strd = (ctypes.c_long * max(1, len(flat)))(*strides)
        self._fn(n, ptrs, strd, out.ctypes.data)
        return out
