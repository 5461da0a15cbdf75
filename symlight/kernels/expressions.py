"""Validate and sanitise SymPy input before any code is generated from it.

Security rule: user-chosen names never reach generated code. Every argument symbol is replaced
by a fresh identifier ``_a0, _a1, ...`` (keeping its ``real``/``positive`` assumptions); common
subexpressions become ``_c0, _c1, ...``. Only a whitelist of node types is accepted: numbers,
``I``, ``pi``, ``E``, ``Add``, ``Mul``, ``Pow``, the argument symbols and the functions in
:data:`FUNCTIONS`. Anything else (an undefined function, a free symbol that is not an argument,
``Indexed``, ``Piecewise``, ``oo``, ``nan``) is refused with an :class:`~symlight.errors.InputError`
that names the object. A symbol called ``"__import__('os').system('x')"`` therefore becomes
``_a0`` in the kernel and is never printed, let alone executed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sympy as sp

from symlight.errors import InputError, describe

#: SymPy function class -> short name used by the printers (NumPy/SciPy and C tables).
FUNCTIONS: dict[type, str] = {
    sp.exp: "exp", sp.log: "log",
    sp.sin: "sin", sp.cos: "cos", sp.tan: "tan",
    sp.asin: "asin", sp.acos: "acos", sp.atan: "atan", sp.atan2: "atan2",
    sp.sinh: "sinh", sp.cosh: "cosh", sp.tanh: "tanh",
    sp.asinh: "asinh", sp.acosh: "acosh", sp.atanh: "atanh",
    sp.Abs: "abs", sp.re: "re", sp.im: "im", sp.conjugate: "conjugate", sp.arg: "arg",
    sp.besselj: "besselj", sp.bessely: "bessely", sp.besseli: "besseli", sp.besselk: "besselk",
    sp.hankel1: "hankel1", sp.hankel2: "hankel2", sp.jn: "jn", sp.yn: "yn",
    sp.erf: "erf",
}

#: functions that only the NumPy/SciPy backend evaluates (no C99 equivalent for complex input).
SPECIAL_FUNCTIONS = frozenset({"besselj", "bessely", "besseli", "besselk", "hankel1", "hankel2",
                               "jn", "yn", "erf"})

_ATOMS = (sp.Integer, sp.Rational, sp.Float, sp.core.numbers.ImaginaryUnit, sp.core.numbers.Pi,
          sp.core.numbers.Exp1)
_REFUSED_NUMBERS = (sp.core.numbers.Infinity, sp.core.numbers.NegativeInfinity,
                    sp.core.numbers.ComplexInfinity, sp.core.numbers.NaN)
_KEPT_ASSUMPTIONS = ("real", "positive", "nonnegative", "negative", "integer")

#: resource bound: expression-tree nodes (counted over every output entry, shared subtrees once
#: per occurrence) a kernel may have; larger inputs are refused before cse/printing/compiling
MAX_KERNEL_NODES = 1_000_000


@dataclass(frozen=True)
class Prepared:
    """Sanitised input: flat list of expressions in safe symbols, the output shape, the kinds."""

    exprs: tuple[sp.Expr, ...]
    shape: tuple[int, ...]
    args: tuple[sp.Symbol, ...]          # the safe symbols _a0, _a1, ... in argument order
    arg_names: tuple[str, ...]           # the user's names, for messages and dict calls only
    arg_real: tuple[bool, ...]           # argument declared real (SymPy assumption)
    complex_output: bool
    functions: frozenset[str]

    def fingerprint(self) -> str:
        """Content hash of what a backend prints (safe expressions, shape, kinds)."""
        text = repr((self.shape, [sp.srepr(e) for e in self.exprs], self.arg_real,
                     self.complex_output))
        return hashlib.sha256(text.encode()).hexdigest()


def _flatten(exprs: object) -> tuple[list[sp.Expr], tuple[int, ...]]:
    if isinstance(exprs, sp.MatrixBase):
        return [sp.sympify(e) for e in exprs], tuple(exprs.shape)
    if isinstance(exprs, sp.NDimArray):
        shape = tuple(exprs.shape)
        return [sp.sympify(e) for e in sp.flatten(exprs.tolist())] if shape else [exprs[()]], shape
    if isinstance(exprs, sp.Basic):
        return [exprs], ()
    if isinstance(exprs, (list, tuple)):
        flat = [sp.sympify(e) if not isinstance(e, str) else _refuse_string(e) for e in exprs]
        return flat, (len(flat),)
    if isinstance(exprs, (int, float, complex)):
        return [sp.sympify(exprs)], ()
    raise InputError(f"cannot generate a kernel from {describe(exprs)}; give a SymPy expression, "
                     "a SymPy Matrix/Array, or a list of expressions")


def _refuse_string(text: str) -> sp.Expr:
    raise InputError(f"refusing to parse the string {describe(text)} as an expression: build a "
                     "SymPy expression instead (symlight never evaluates user text)")


def _check_node(node: sp.Basic, allowed_symbols: set[sp.Symbol]) -> None:
    if isinstance(node, sp.Symbol):
        if node not in allowed_symbols:
            raise InputError(f"the expression contains the symbol {describe(node.name)} that is "
                             "not among the kernel arguments; add it to `args` or substitute it")
        return
    if isinstance(node, _REFUSED_NUMBERS):
        raise InputError(f"the expression contains {node}; a kernel needs finite expressions")
    if isinstance(node, (sp.Integer, sp.Rational, sp.Float)) and node != 0:
        # a literal outside the double range would silently become inf (or 0) in the kernel
        try:
            magnitude = abs(float(node))
        except (OverflowError, ValueError):
            magnitude = float("inf")
        if magnitude == 0.0 or magnitude == float("inf"):  # underflows to 0 or overflows
            raise InputError(f"the number {describe(node, 60)} is outside the range of a double "
                             "(~5e-324 to ~1.8e308); rescale the expression (units) before generating "
                             "a kernel")
        return
    if isinstance(node, _ATOMS) or isinstance(node, (sp.Add, sp.Mul, sp.Pow)):
        return
    if isinstance(node, sp.Function) and type(node) in FUNCTIONS:
        if type(node) is sp.log and len(node.args) != 1:
            raise InputError(f"log with a base is not supported in kernels: {describe(node)}")
        return
    if isinstance(node, sp.Function) and node.func in FUNCTIONS:
        return
    raise InputError(
        f"cannot generate kernel code for {describe(node)} (node type {type(node).__name__}); "
        f"supported: numbers, I, pi, E, +, *, **, the argument symbols and the functions "
        f"{', '.join(sorted(set(FUNCTIONS.values())))}")


def prepare(exprs: object, args: Sequence[sp.Symbol] | Iterable[sp.Symbol],
            dtype: str = "auto", max_nodes: int | None = None) -> Prepared:
    """Validate ``exprs`` against the whitelist and rename ``args`` to safe identifiers.

    ``dtype``: ``"auto"`` (complex unless SymPy proves every output real for real arguments),
    ``"real"`` or ``"complex"``. ``max_nodes`` (default :data:`MAX_KERNEL_NODES`): refuse inputs
    whose expression trees hold more nodes in all (InputError naming the size and the cap).
    """
    cap = MAX_KERNEL_NODES if max_nodes is None else max_nodes
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
        raise InputError(f"max_nodes={describe(cap)} must be a positive integer")
    args = tuple(args)
    if dtype not in ("auto", "real", "complex"):
        raise InputError(f"dtype must be 'auto', 'real' or 'complex', not {describe(dtype)}")
    for a in args:
        if not isinstance(a, sp.Symbol):
            raise InputError(f"kernel arguments must be SymPy Symbols, got {describe(a)}")
    if len(set(args)) != len(args):
        raise InputError(f"kernel arguments repeat a symbol: {[a.name for a in args]!r}")
    flat, shape = _flatten(exprs)
    allowed = set(args)
    nodes = 0
    for e in flat:
        if not isinstance(e, sp.Basic):
            raise InputError(f"not a SymPy expression: {describe(e)}")
        for node in sp.preorder_traversal(e):
            nodes += 1
            if nodes > cap:
                raise InputError(f"the kernel input has more than {cap} expression nodes "
                                 f"({len(flat)} output entries); the cap protects memory and "
                                 "compile time: simplify or split the expressions, or pass "
                                 "max_nodes=N to generate() to raise it")
            _check_node(node, allowed)
    safe = []
    for i, a in enumerate(args):
        assumptions = {k: True for k in _KEPT_ASSUMPTIONS if a.assumptions0.get(k) is True}
        safe.append(sp.Symbol(f"_a{i}", **assumptions))
    mapping = dict(zip(args, safe, strict=True))
    safe_exprs = tuple(e.xreplace(mapping) for e in flat)
    arg_real = tuple(bool(s.is_real) for s in safe)
    if dtype == "complex":
        complex_output = True
    elif dtype == "real":
        complex_output = False
        if not all(arg_real):
            raise InputError("dtype='real' needs every argument declared real "
                             f"(Symbol(..., real=True)); not real: "
                             f"{[a.name for a, r in zip(args, arg_real, strict=True) if not r]}")
    else:
        complex_output = not (all(arg_real) and all(e.is_extended_real is True for e in safe_exprs))
    functions = frozenset(FUNCTIONS[type(n)] for e in safe_exprs
                          for n in sp.preorder_traversal(e) if type(n) in FUNCTIONS)
    return Prepared(safe_exprs, shape, tuple(safe), tuple(a.name for a in args), arg_real,
                    complex_output, functions)
