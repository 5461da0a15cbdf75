"""Real-line integrals of rational functions by residues (SymPy), with the half-plane decided.

∫_{−∞}^{∞} f(x) dx = 2πi Σ_{Im x_j > 0} Res_{x_j} f for a rational f decaying at least like 1/x².
Pole locations are roots of the linear factors of the denominator; their half-plane is decided
from SymPy's assumptions on the other symbols (e.g. widths declared positive). If a half-plane
cannot be decided the function raises, rather than guessing; a pole computed from floats that
lies within rounding of the real axis is refused too (its side would be decided by noise). Used
for the quadrant integrals (40)–(41) of seed 004_051fe7d7dc805f6f.txt.
"""

from __future__ import annotations

import sympy

from symlight.errors import InputError

#: a pole computed from floating-point numbers with |Im| below this fraction of |root| is on the
#: real axis as far as the input can tell: its half-plane is decided by rounding, not by the model
FLOAT_AXIS_TOL = 1e-12


def _upper(root: sympy.Expr) -> bool:
    im = sympy.simplify(sympy.im(sympy.expand_complex(root)))
    if root.has(sympy.Float) and im.is_number:
        scale = max(abs(complex(root.evalf())), 1.0)
        if abs(complex(im.evalf())) <= FLOAT_AXIS_TOL * scale:
            raise InputError(f"pole {root} is within rounding ({float(abs(complex(im))):.3g}) of the "
                             "real axis: its half-plane, and so the integral, is decided by "
                             "floating-point noise; use exact (Rational) coefficients or give the "
                             "width a sign (e.g. a positive symbol)")
    if im.is_positive:
        return True
    if im.is_negative:
        return False
    if im.is_zero:
        raise InputError(f"pole {root} lies on the real axis: the integral is not absolutely defined")
    raise InputError(f"cannot decide the half-plane of the pole {root} (Im = {im}); declare the "
                     "signs of the symbols it contains")


def poles(expr: sympy.Expr, x: sympy.Symbol) -> list[tuple[sympy.Expr, int]]:
    """(root, multiplicity) of the denominator of ``expr`` in ``x`` (linear factors only)."""
    num, den = sympy.fraction(sympy.together(expr))
    _, factors = sympy.factor_list(sympy.expand(den), x)
    out: dict[sympy.Expr, int] = {}
    for fac, mult in factors:
        deg = sympy.degree(fac, x)
        if deg == 0:
            continue
        if deg != 1:
            roots = sympy.roots(sympy.Poly(fac, x))
            if sum(roots.values()) != deg:
                raise InputError(f"denominator factor {fac} of degree {deg} has no explicit roots")
            for r, m in roots.items():
                out[r] = out.get(r, 0) + m * mult
            continue
        a, b = sympy.Poly(fac, x).all_coeffs()
        r = sympy.simplify(-b / a)
        out[r] = out.get(r, 0) + mult
    return list(out.items())


def residue_at(expr: sympy.Expr, x: sympy.Symbol, root: sympy.Expr, mult: int) -> sympy.Expr:
    """Residue of a rational ``expr`` at a pole ``root`` of order ``mult``."""
    g = sympy.cancel(expr * (x - root) ** mult)
    if mult > 1:
        g = sympy.diff(g, x, mult - 1) / sympy.factorial(mult - 1)
    return sympy.cancel(g.subs(x, root))


def real_line_integral(expr: sympy.Expr, x: sympy.Symbol) -> sympy.Expr:
    """∫_{−∞}^{∞} expr dx for a rational ``expr`` by the residues in the upper half plane."""
    expr = sympy.cancel(sympy.together(expr))
    num, den = sympy.fraction(expr)
    if sympy.degree(den, x) - sympy.degree(num, x) < 2:
        raise InputError("integrand must decay at least like 1/x² for the residue theorem on the "
                         "real line (closing arc contribution would not vanish)")
    total = sympy.Integer(0)
    for root, mult in poles(expr, x):
        if _upper(root):
            total += residue_at(expr, x, root, mult)
    return sympy.cancel(2 * sympy.pi * sympy.I * total)
