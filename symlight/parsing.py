"""Restricted parsing of untrusted text into SymPy expressions (issue 11, item 1).

``parse_expression`` never calls ``eval``/``exec``/``sympify`` on the text. It lets Python's
``ast`` module tokenize and parse the text (``ast.parse(text, mode="eval")`` builds a syntax tree
and runs nothing), then walks that tree against an allow-list of node kinds and builds the SymPy
objects itself:

- numbers (int, float, complex literals ``2j``), names, ``+ - * / **``, unary ``+``/``-``,
  parentheses;
- calls ``f(arg, ...)`` of allow-listed function names only (default: sin, cos, tan, exp, log,
  sqrt, sinh, cosh, tanh, asin, acos, atan, Abs, re, im, conjugate), positional arguments only;
- the constants ``I``, ``pi``, ``E`` (and ``oo``).

Everything else is refused with :class:`symlight.errors.InputError` naming the offending piece:
attribute access (``a.b``), subscripts (``x[0]``), lambdas, comprehensions, strings, keyword
arguments, starred arguments, comparisons, boolean operators, dunder names, names outside
``allowed_symbols``, input longer than ``max_length`` characters, syntax trees deeper or larger
than a fixed bound, and exponents whose size would blow up the evaluation (``9**9**9``).

No CLI input takes expressions yet; this is the entry point any future one must use::

    >>> parse_expression("g*sqrt(N) + 2*x**2", allowed_symbols={"g", "N", "x"})
    sqrt(N)*g + 2*x**2
"""

from __future__ import annotations

import ast
import math
import warnings
from collections.abc import Callable, Iterable, Mapping

import sympy as sp

from symlight.errors import InputError

__all__ = ["DEFAULT", "DEFAULT_FUNCTIONS", "CONSTANTS", "parse_expression"]

DEFAULT_FUNCTIONS: Mapping[str, Callable[..., sp.Expr]] = {
    "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh, "asin": sp.asin, "acos": sp.acos,
    "atan": sp.atan, "Abs": sp.Abs, "re": sp.re, "im": sp.im, "conjugate": sp.conjugate,
}
DEFAULT = DEFAULT_FUNCTIONS  # sentinel-like alias: ``allowed_functions=DEFAULT``
CONSTANTS: Mapping[str, sp.Expr] = {"I": sp.I, "pi": sp.pi, "E": sp.E, "oo": sp.oo}

MAX_LENGTH = 2000
MAX_NODES = 2000
MAX_DEPTH = 60
MAX_EXPONENT = 10_000  # |integer exponent| allowed when the base is a number
MAX_INT_DIGITS = 400
MAX_RESULT_DIGITS = 20_000  # decimal digits of a number raised to a number


def _piece(node: ast.AST, text: str) -> str:
    segment = ast.get_source_segment(text, node)
    if segment is None:
        segment = type(node).__name__
    return segment if len(segment) <= 60 else segment[:57] + "..."


def _check_name(name: str, allowed: set[str] | None, functions: Mapping, what: str) -> None:
    if name.startswith("_"):
        raise InputError(f"name {name!r} is refused: names starting with '_' (dunder/private) "
                         "are never allowed in expressions")
    if what == "symbol" and allowed is not None and name not in allowed:
        valid = ", ".join(sorted(allowed)) or "(none)"
        raise InputError(f"unknown symbol {name!r}; allowed symbols: {valid}; "
                         f"constants: {', '.join(CONSTANTS)}")


def parse_expression(
    text: str,
    allowed_symbols: Iterable[str] | None = None,
    allowed_functions: Mapping[str, Callable[..., sp.Expr]] = DEFAULT,
    *,
    max_length: int = MAX_LENGTH,
    symbol_assumptions: Mapping[str, object] | None = None,
) -> sp.Expr:
    """Parse untrusted ``text`` into a SymPy expression without executing any of it.

    ``allowed_symbols``: names that become ``sympy.Symbol`` (None: any identifier that is not
    dunder/private and not a function name). ``allowed_functions``: name -> SymPy callable.
    ``symbol_assumptions``: keyword assumptions for the created symbols (e.g. ``{"real": True}``).
    Raises InputError naming the offending piece for anything outside the grammar described in
    the module docstring.
    """
    if not isinstance(text, str):
        raise InputError(f"expression must be a str, got {type(text).__name__}")
    if len(text) > max_length:
        raise InputError(f"expression is {len(text)} characters long; the limit is {max_length} "
                         "(pass max_length= to raise it)")
    if "\x00" in text:
        raise InputError("expression contains a NUL character")
    allowed = None if allowed_symbols is None else set(allowed_symbols)
    functions = dict(allowed_functions)
    assumptions = dict(symbol_assumptions or {})
    try:
        with warnings.catch_warnings():  # "invalid decimal literal" etc. become plain refusals
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        msg = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        raise InputError(f"cannot parse expression {text[:60]!r}: {msg}") from None
    source = text.strip()
    nodes = 0
    for _ in ast.walk(tree):
        nodes += 1
        if nodes > MAX_NODES:
            raise InputError(f"expression has more than {MAX_NODES} syntax nodes; refused")

    def build(node: ast.AST, depth: int) -> sp.Expr:
        if depth > MAX_DEPTH:
            raise InputError(f"expression is nested deeper than {MAX_DEPTH} levels; refused")
        d = depth + 1
        if isinstance(node, ast.Expression):
            return build(node.body, d)
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or not isinstance(value, (int, float, complex)):
                raise InputError(f"literal {_piece(node, source)!r} of type {type(value).__name__} "
                                 "is refused; only numbers are allowed")
            if isinstance(value, int):
                if len(str(abs(value))) > MAX_INT_DIGITS:
                    raise InputError(f"integer literal with more than {MAX_INT_DIGITS} digits refused")
                return sp.Integer(value)
            parts = (value,) if isinstance(value, float) else (value.real, value.imag)
            if not all(math.isfinite(v) for v in parts):
                raise InputError(f"number literal {_piece(node, source)!r} overflows to infinity; "
                                 "write large numbers as powers, e.g. 10**400")
            if isinstance(value, float):
                return sp.Float(value)
            return sp.Float(value.real) + sp.Float(value.imag) * sp.I
        if isinstance(node, ast.Name):
            name = node.id
            if name in CONSTANTS and (allowed is None or name not in allowed):
                return CONSTANTS[name]
            if name in functions:
                raise InputError(f"function name {name!r} used without a call; write {name}(...)")
            _check_name(name, allowed, functions, "symbol")
            return sp.Symbol(name, **assumptions)
        if isinstance(node, ast.UnaryOp):
            operand = build(node.operand, d)
            if isinstance(node.op, ast.USub):
                return -operand
            if isinstance(node.op, ast.UAdd):
                return operand
            raise InputError(f"operator in {_piece(node, source)!r} is refused; allowed: unary + and -")
        if isinstance(node, ast.BinOp):
            op = node.op
            if isinstance(op, ast.Pow):
                return power(node, d)
            left, right = build(node.left, d), build(node.right, d)
            if isinstance(op, ast.Add):
                return left + right
            if isinstance(op, ast.Sub):
                return left - right
            if isinstance(op, ast.Mult):
                return left * right
            if isinstance(op, ast.Div):
                if right == 0:
                    raise InputError(f"division by zero in {_piece(node, source)!r}")
                return left / right
            raise InputError(f"operator {type(op).__name__} in {_piece(node, source)!r} is refused; "
                             "allowed: + - * / **")
        if isinstance(node, ast.Call):
            func = node.func
            if not isinstance(func, ast.Name):
                raise InputError(f"call {_piece(node, source)!r} is refused: only calls of plain "
                                 f"allowed function names ({', '.join(functions) or 'none'})")
            name = func.id
            if name.startswith("_") or name not in functions:
                raise InputError(f"function {name!r} is not allowed; allowed functions: "
                                 f"{', '.join(functions) or '(none)'}")
            if node.keywords:
                raise InputError(f"keyword arguments in {_piece(node, source)!r} are refused")
            if any(isinstance(a, ast.Starred) for a in node.args):
                raise InputError(f"starred arguments in {_piece(node, source)!r} are refused")
            args = [build(a, d) for a in node.args]
            try:
                return functions[name](*args)
            except InputError:
                raise
            except (TypeError, ValueError, ArithmeticError) as exc:
                raise InputError(f"cannot apply {name} in {_piece(node, source)!r}: {exc}") from None
        raise InputError(f"{_describe_node(node)} {_piece(node, source)!r} is refused; allowed: "
                         "numbers, names, + - * / **, unary minus, calls of allowed functions")

    def power(node: ast.BinOp, depth: int) -> sp.Expr:
        base, exponent = build(node.left, depth), build(node.right, depth)
        if exponent.is_number:
            try:
                mag = abs(complex(sp.N(exponent, 15)))
            except (TypeError, ValueError, OverflowError):
                mag = float("inf")
            # a huge exponent of a number (9**9**9) or of a symbol (x**10**9 expands into
            # enormous polynomials downstream) is refused
            if not mag <= MAX_EXPONENT:
                raise InputError(f"exponent in {_piece(node, source)!r} has magnitude > "
                                 f"{MAX_EXPONENT}; refused as an absurd power")
            if base.is_number and base != 0:
                try:
                    size = float(sp.N(sp.log(abs(base), 10), 15)) if base.is_number else 0.0
                except (TypeError, ValueError, OverflowError):
                    size = float("inf")
                # digits of the result when the power is evaluated: (9**9999)**9999 is refused
                if not abs(size) * mag <= MAX_RESULT_DIGITS:
                    raise InputError(f"power {_piece(node, source)!r} would have about "
                                     f"{abs(size) * mag:.3g} digits (> {MAX_RESULT_DIGITS}); refused")
        if base == 0 and exponent.is_number and exponent.is_negative:
            raise InputError(f"zero to a negative power in {_piece(node, source)!r}")
        return base ** exponent

    try:
        result = build(tree, 0)
    except RecursionError:
        raise InputError("expression is nested too deeply; refused") from None
    if not isinstance(result, sp.Basic):
        raise InputError(f"expression {text[:60]!r} did not produce a SymPy expression")
    return result


_NODE_WORDS = {
    ast.Attribute: "attribute access", ast.Subscript: "subscript", ast.Lambda: "lambda",
    ast.ListComp: "comprehension", ast.SetComp: "comprehension", ast.DictComp: "comprehension",
    ast.GeneratorExp: "generator expression", ast.Compare: "comparison", ast.BoolOp: "boolean operator",
    ast.IfExp: "conditional expression", ast.Tuple: "tuple", ast.List: "list", ast.Dict: "dict",
    ast.Set: "set", ast.JoinedStr: "f-string", ast.NamedExpr: "assignment expression",
    ast.Starred: "starred expression", ast.Await: "await", ast.Yield: "yield", ast.Slice: "slice",
}


def _describe_node(node: ast.AST) -> str:
    return _NODE_WORDS.get(type(node), f"syntax {type(node).__name__}")
