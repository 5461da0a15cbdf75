"""Vectorised NumPy backend: SymPy's SciPy/NumPy printer + ``sympy.cse``, broadcasting over batches.

The generated function takes one array (or scalar) per argument; all arguments broadcast
together to a batch shape ``B`` (e.g. ``(P,)`` for P parameter sets) and the result has shape
``B + shape`` (e.g. ``(P, 15, 15)`` for a 15×15 matrix). Entries that are identically zero are
never computed; common subexpressions are computed once per batch.

Branches: complex kernels use NumPy's complex functions, whose cuts are SymPy's principal
branches (``sqrt``, ``log``, non-integer powers). A real-declared argument that reaches a
branch-cut function is promoted to complex so that ``sqrt(-1)`` gives ``1j``, as in SymPy.
Bessel and spherical Bessel functions come from ``scipy.special`` (complex arguments allowed).
"""

from __future__ import annotations

import ast
from typing import Any

import numpy as np
import sympy as sp
from sympy.printing.numpy import SciPyPrinter

from symlight.errors import InputError
from symlight.kernels.expressions import FUNCTIONS, Prepared

_NUMPY_NAMES = {
    "exp": "numpy.exp", "log": "numpy.log", "sin": "numpy.sin", "cos": "numpy.cos",
    "tan": "numpy.tan", "asin": "numpy.arcsin", "acos": "numpy.arccos", "atan": "numpy.arctan",
    "atan2": "numpy.arctan2", "sinh": "numpy.sinh", "cosh": "numpy.cosh", "tanh": "numpy.tanh",
    "asinh": "numpy.arcsinh", "acosh": "numpy.arccosh", "atanh": "numpy.arctanh",
    "abs": "numpy.abs", "re": "numpy.real", "im": "numpy.imag", "conjugate": "numpy.conjugate",
    "arg": "numpy.angle",
    "besselj": "scipy.special.jv", "bessely": "scipy.special.yv", "besseli": "scipy.special.iv",
    "besselk": "scipy.special.kv", "hankel1": "scipy.special.hankel1",
    "hankel2": "scipy.special.hankel2", "jn": "scipy.special.spherical_jn",
    "yn": "scipy.special.spherical_yn", "erf": "scipy.special.erf",
}
_BRANCHED = {"log", "asin", "acos", "atan", "asinh", "acosh", "atanh", "besselj", "bessely",
             "besseli", "besselk", "hankel1", "hankel2", "jn", "yn"}


class KernelNumPyPrinter(SciPyPrinter):
    """SymPy's SciPy printer with exact float literals, cheap integer powers and a closed
    function table (only :data:`symlight.kernels.expressions.FUNCTIONS` can be printed)."""

    def __init__(self) -> None:
        super().__init__({"fully_qualified_modules": True, "strict": True})

    def _print_Float(self, expr: sp.Float) -> str:
        return repr(float(expr))

    def _print_Pi(self, expr: sp.Expr) -> str:
        return "numpy.pi"

    def _print_Exp1(self, expr: sp.Expr) -> str:
        return "numpy.e"

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        base, ex = expr.as_base_exp()
        if ex.is_Integer:
            n = int(ex)
            b = self.parenthesize(base, 1000)
            if n == -1:
                return f"(1/{b})"
            if n < 0:
                return f"(1/{b}**{-n})"
            return f"{b}**{n}"
        if ex == sp.S.Half:
            return f"numpy.sqrt({self._print(base)})"
        if ex == -sp.S.Half:
            return f"(1/numpy.sqrt({self._print(base)}))"
        return f"{self.parenthesize(base, 1000)}**({self._print(ex)})"

    def _print_Function(self, expr: sp.Function) -> str:
        name = FUNCTIONS.get(type(expr))
        if name is None:  # pragma: no cover - prepare() refuses these already
            raise InputError(f"no NumPy translation for {type(expr).__name__}")
        return f"{_NUMPY_NAMES[name]}({', '.join(self._print(a) for a in expr.args)})"

    # route every whitelisted function through the closed table above
    for _cls in FUNCTIONS:
        locals()[f"_print_{_cls.__name__}"] = _print_Function
    del _cls


_ALLOWED_ATTR_ROOTS = {"numpy", "scipy"}


def _audit(source: str, names: set[str]) -> None:
    """Refuse generated source that contains anything but arithmetic on our own identifiers."""
    tree = ast.parse(source)
    allowed_nodes = (ast.Module, ast.FunctionDef, ast.arguments, ast.arg, ast.Assign, ast.Name,
                     ast.Attribute, ast.Call, ast.BinOp, ast.UnaryOp, ast.operator, ast.unaryop,
                     ast.Constant, ast.Subscript, ast.Tuple, ast.Slice, ast.Return, ast.keyword,
                     ast.If, ast.Compare, ast.cmpop, ast.expr_context, ast.Load, ast.Store)
    for node in ast.walk(tree):
        if not isinstance(node, allowed_nodes):
            raise InputError(f"generated code failed the audit: {type(node).__name__} node")
        if isinstance(node, ast.Constant) and not (
                node.value is None or node.value is Ellipsis
                or isinstance(node.value, (int, float, complex))):
            raise InputError("generated code failed the audit: non-numeric literal")
        if isinstance(node, ast.Name) and node.id not in names:
            raise InputError(f"generated code failed the audit: unexpected name {node.id!r}")
        if isinstance(node, ast.Attribute):
            root = node
            while isinstance(root, ast.Attribute):
                root = root.value
            own_shape = (node.attr == "shape" and isinstance(node.value, ast.Name)
                         and node.value.id in names)
            if not own_shape and not (isinstance(root, ast.Name) and root.id in _ALLOWED_ATTR_ROOTS):
                raise InputError("generated code failed the audit: attribute of a non-module")
            if node.attr.startswith("_"):
                raise InputError(f"generated code failed the audit: private attribute {node.attr}")


def _branch_args(prep: Prepared) -> set[sp.Symbol]:
    """Real arguments that reach a branch-cut function or a non-integer power."""
    hits: set[sp.Symbol] = set()
    for e in prep.exprs:
        for node in sp.preorder_traversal(e):
            if (isinstance(node, sp.Pow) and not node.exp.is_Integer) or (
                    type(node) in FUNCTIONS and FUNCTIONS[type(node)] in _BRANCHED):
                hits |= node.free_symbols
    return hits


def numpy_source(prep: Prepared, cse: bool = True, name: str = "kernel") -> str:
    """Python source of the vectorised kernel (imports nothing; expects ``numpy``/``scipy``)."""
    printer = KernelNumPyPrinter()
    dt = "numpy.complex128" if prep.complex_output else "numpy.float64"
    promote = _branch_args(prep) if prep.complex_output else set()
    nonzero = [(k, e) for k, e in enumerate(prep.exprs) if e != 0]
    exprs = [e for _, e in nonzero]
    if cse and exprs:
        replacements, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("_c"), order="none")
    else:
        replacements, reduced = [], exprs
    argnames = [str(a) for a in prep.args]
    lines = [f"def {name}({', '.join(argnames + ['out=None'])}):"]
    for a, is_real in zip(prep.args, prep.arg_real, strict=True):
        adt = "numpy.float64" if is_real and a not in promote else "numpy.complex128"
        if not prep.complex_output:
            adt = "numpy.float64"
        lines.append(f"    {a} = numpy.asarray({a}, dtype={adt})")
    shapes = ", ".join(f"{a}.shape" for a in argnames)
    lines.append(f"    _shape = numpy.broadcast_shapes({shapes})" if argnames else "    _shape = ()")
    # entry-major work buffer (shape + batch): every entry is written contiguously and the
    # pages of identically-zero entries are never touched; the result is a (batch + shape) view
    nd = len(prep.shape)
    lines.append(f"    _buf = numpy.zeros({tuple(prep.shape)!r} + _shape, dtype={dt})")
    for sym, sub in replacements:
        lines.append(f"    {sym} = {printer.doprint(sub)}")
    for (k, _), e in zip(nonzero, reduced, strict=True):
        idx = np.unravel_index(k, prep.shape) if prep.shape else ()
        sub = ", ".join([str(int(i)) for i in idx] + ["..."])
        lines.append(f"    _buf[{sub}] = {printer.doprint(e)}")
    lines.append(f"    _res = numpy.moveaxis(_buf, {tuple(range(nd))!r}, {tuple(range(-nd, 0))!r})")
    lines.append("    if out is None:")
    lines.append("        return _res")
    lines.append("    out[...] = _res")
    lines.append("    return out")
    source = "\n".join(lines) + "\n"
    names = set(argnames) | {str(s) for s, _ in replacements} | {
        "out", "_shape", "_buf", "_res", "numpy", "scipy", name}
    _audit(source, names)
    return source


def compile_numpy(prep: Prepared, cse: bool = True) -> tuple[Any, str]:
    """Build the kernel function from audited generated source; returns (function, source)."""
    source = numpy_source(prep, cse=cse)
    namespace: dict[str, Any] = {"__builtins__": {}, "numpy": np}
    if any(f in prep.functions for f in ("besselj", "bessely", "besseli", "besselk", "hankel1",
                                          "hankel2", "jn", "yn", "erf")):
        import scipy
        import scipy.special  # noqa: F401

        namespace["scipy"] = scipy
    exec(compile(source, "<symlight-kernel>", "exec"), namespace)  # noqa: S102 - audited source
    return namespace["kernel"], source
