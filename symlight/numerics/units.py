"""Symbolic dimension tracking: the dimension of a SymPy expression, found by the tool.

Built on ``sympy.physics.units`` dimensions (SI dimension system). A user declares the
dimensions of the *symbols* of a formula once (``{c: length/time, g: length**(3/2)/time}``),
and :func:`dimension_of` walks the expression tree:

* a sum needs terms of one dimension (else :class:`DimensionMismatch`, naming both terms);
* products add, powers scale exponents (a dimensional base needs a rational exponent);
* ``exp``, ``sin``, ``log``, ... need dimensionless arguments and return dimensionless;
* ``Abs``, ``re``, ``im``, ``conjugate``, ``Max``/``Min`` keep the dimension;
* ``DiracDelta(u)`` has the inverse dimension of ``u``; ``Integral`` multiplies by the
  integration variable's dimension, ``Derivative`` divides by it;
* an undefined function (``Function("Chat")``) takes the dimension declared for its name.

Public API (keep it small): :func:`dimension_of`, :func:`same_dimension`, :func:`check_dimension`,
:func:`describe_dimension`, :class:`DimensionMismatch`, and the re-exported base dimensions
``length``, ``time``, ``mass``, ``dimensionless``.

Example (seed 000_afe20a70b32bac1d.txt, Eq. (30)): ``Gamma = g**2*Omega**2/(pi*c**3)`` with
``g ~ L^{3/2}/T`` is a rate: ``check_dimension(Gamma, dims, 1/time)`` returns ``(True, ...)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sympy
from sympy.physics.units import Dimension, length, mass, time
from sympy.physics.units.systems.si import dimsys_SI

from symlight.errors import InputError

__all__ = [
    "DimensionMismatch",
    "check_dimension",
    "describe_dimension",
    "dimension_of",
    "dimensionless",
    "length",
    "mass",
    "same_dimension",
    "time",
]

dimensionless = Dimension(1)

_Deps = dict[str, sympy.Rational]

#: functions whose argument must be dimensionless and whose value is dimensionless
_TRANSCENDENTAL = (sympy.exp, sympy.log, sympy.sin, sympy.cos, sympy.tan, sympy.sinh, sympy.cosh,
                   sympy.tanh, sympy.atan, sympy.asin, sympy.acos, sympy.sinc, sympy.erf,
                   sympy.erfc, sympy.gamma, sympy.besselj, sympy.Heaviside)
#: functions that keep the dimension of their (first) argument
_KEEP = (sympy.Abs, sympy.re, sympy.im, sympy.conjugate, sympy.sign)


class DimensionMismatch(InputError):
    """An expression whose parts have incompatible dimensions (the message names them)."""


def _deps(dim: Any) -> _Deps:
    if isinstance(dim, Dimension):
        raw = dimsys_SI.get_dimensional_dependencies(dim)
        return {str(k.name if hasattr(k, "name") else k): sympy.Rational(v)
                for k, v in raw.items() if v != 0}
    if dim == 1 or dim is None:
        return {}
    raise InputError(f"dimension {dim!r} is not a sympy.physics.units Dimension; "
                     "use e.g. length/time, or 1 for dimensionless")


def _clean(d: _Deps) -> _Deps:
    return {k: v for k, v in d.items() if v != 0}


_ONE = sympy.Integer(1)


def _mul(a: _Deps, b: _Deps, power: sympy.Rational = _ONE) -> _Deps:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v * power
    return _clean(out)


def _text(d: _Deps) -> str:
    if not d:
        return "dimensionless"
    return " ".join(f"{k}^{v}" if v != 1 else k for k, v in sorted(d.items()))


def describe_dimension(dim: Any) -> str:
    """A readable form of a Dimension, e.g. ``'length^-1 time^1'`` or ``'dimensionless'``."""
    return _text(_deps(dim))


def _to_dimension(d: _Deps) -> Dimension:
    base = {"length": length, "time": time, "mass": mass}
    out = sympy.Integer(1)
    for k, v in d.items():
        if k not in base:
            raise InputError(f"base dimension {k!r} is not supported (use length, time, mass)")
        out = out * base[k].name ** v
    return Dimension(out)


class _Walker:
    def __init__(self, dims: Mapping[Any, Any]):
        self.dims: dict[str, _Deps] = {}
        for key, dim in dims.items():
            name = key if isinstance(key, str) else getattr(key, "name", None)
            if name is None:
                name = getattr(key, "__name__", str(key))
            self.dims[str(name)] = _deps(dim)

    def walk(self, e: sympy.Basic) -> _Deps:  # noqa: C901 - one dispatch table
        if isinstance(e, (sympy.Number, sympy.NumberSymbol)) or e is sympy.I:
            return {}
        if isinstance(e, sympy.Symbol):
            if e.name not in self.dims:
                raise InputError(f"no dimension declared for symbol {e.name!r}; "
                                 "pass it in the dims mapping (1 for dimensionless)")
            return self.dims[e.name]
        if isinstance(e, sympy.Add):
            parts = [(t, self.walk(t)) for t in e.args]
            ref_t, ref = parts[0]
            for t, d in parts[1:]:
                if d != ref:
                    raise DimensionMismatch(
                        f"terms of a sum differ in dimension: {sympy.sstr(ref_t)} is [{_text(ref)}] "
                        f"but {sympy.sstr(t)} is [{_text(d)}]")
            return ref
        if isinstance(e, sympy.Mul):
            out: _Deps = {}
            for t in e.args:
                out = _mul(out, self.walk(t))
            return out
        if isinstance(e, sympy.Pow):
            base, expo = e.args
            db, de = self.walk(base), self.walk(expo)
            if de:
                raise DimensionMismatch(f"exponent {sympy.sstr(expo)} has dimension [{_text(de)}]")
            if not db:
                return {}
            if not expo.is_Rational:
                raise DimensionMismatch(f"dimensional base {sympy.sstr(base)} [{_text(db)}] raised "
                                        f"to the non-rational power {sympy.sstr(expo)}")
            return _mul({}, db, expo)
        if isinstance(e, sympy.DiracDelta):
            return _mul({}, self.walk(e.args[0]), sympy.Integer(-1))
        if isinstance(e, _KEEP):
            return self.walk(e.args[0])
        if isinstance(e, (sympy.Max, sympy.Min)):
            return self.walk(sympy.Add(*e.args, evaluate=False))
        if isinstance(e, _TRANSCENDENTAL):
            for arg in e.args:
                d = self.walk(arg)
                if d:
                    raise DimensionMismatch(f"argument {sympy.sstr(arg)} of {type(e).__name__} has "
                                            f"dimension [{_text(d)}]; it must be dimensionless")
            return {}
        if isinstance(e, sympy.Integral):
            out = self.walk(e.function)
            for lim in e.limits:
                var = lim[0]
                dv = self.walk(var)
                for bound in lim[1:]:
                    db = self.walk(bound)
                    if db != dv and bound not in (sympy.oo, -sympy.oo, sympy.S.Zero):
                        raise DimensionMismatch(f"integration bound {sympy.sstr(bound)} [{_text(db)}] "
                                                f"differs from variable {var} [{_text(dv)}]")
                out = _mul(out, dv)
            return out
        if isinstance(e, sympy.Derivative):
            out = self.walk(e.expr)
            for var, n in e.variable_count:
                out = _mul(out, self.walk(var), -sympy.Integer(n))
            return out
        if isinstance(e, sympy.core.function.AppliedUndef):
            name = type(e).__name__
            if name not in self.dims:
                raise InputError(f"no dimension declared for function {name!r}")
            return self.dims[name]
        if isinstance(e, sympy.Piecewise):
            return self.walk(sympy.Add(*[p[0] for p in e.args], evaluate=False))
        raise InputError(f"dimension of {type(e).__name__} ({sympy.sstr(e)[:60]}) is not supported")


def dimension_of(expr: Any, dims: Mapping[Any, Any]) -> Dimension:
    """The physical dimension of ``expr`` given the dimensions of its symbols.

    ``dims`` maps symbols (or their names, or undefined-function names) to
    ``sympy.physics.units`` Dimensions (``length/time``) or ``1``. Raises
    :class:`DimensionMismatch` where a sum or a function argument is inconsistent.
    """
    return _to_dimension(_Walker(dims).walk(sympy.sympify(expr)))


def same_dimension(a: Any, b: Any) -> bool:
    """True when two Dimensions (or ``1``) have the same SI dependencies."""
    return _deps(a) == _deps(b)


def check_dimension(expr: Any, dims: Mapping[Any, Any], expected: Any) -> tuple[bool, str]:
    """Does ``expr`` have dimension ``expected``? Returns ``(ok, evidence text)``; never raises
    for an inconsistent expression (that is reported as ``ok=False`` with the reason)."""
    try:
        found = _Walker(dims).walk(sympy.sympify(expr))
    except DimensionMismatch as exc:
        return False, f"inconsistent dimensions inside the expression: {exc}"
    want = _deps(expected)
    if found == want:
        return True, f"dimension [{_text(found)}] as required"
    return False, f"dimension [{_text(found)}], but [{_text(want)}] is required"
