"""Moyal star product, sine (Moyal) bracket and cosine bracket as series in ħ, to any order.

With phase-space pairs (x_i, p_i) and the Poisson operator
``Λ = Σ_i (∇←_{x_i} ∇→_{p_i} − ∇←_{p_i} ∇→_{x_i})``,

* ``f ⋆ g = f exp(iħΛ/2) g``                           (Groenewold–Moyal),
* ``{{f, g}} = (f ⋆ g − g ⋆ f)/(iħ) = f (2/ħ) sin(ħΛ/2) g``  (sine bracket),
* ``f (cos(ħΛ/2)) g = (f ⋆ g + g ⋆ f)/2``                    (cosine bracket).

Seed 001_acf7c75771656388.txt, Eq. (31)/(120): ``K[f, g] = f (2/ħ) sin(½∇←_r·∇→_k −
½∇←_k·∇→_r) g`` is the sine bracket in the (r, k) variables (k a wavevector, so the sine has no
ħ inside; pass ``hbar=1`` for the series and multiply by 1/ħ_phys outside), and ħ counts the
order of the gradient expansion. For polynomial symbols the series terminates; ``exact=True``
sums until the terms vanish. Matrix-valued symbols (SymPy matrices whose entries may be
non-commutative) are multiplied entrywise with the matrix index contracted in order.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy

from symlight.errors import InputError
from symlight.phasespace import bidiff

__all__ = ["poisson_operator", "star_terms", "star", "sine_bracket", "sine_bracket_terms",
           "cosine_bracket", "poisson_bracket", "polynomial_degree", "MAX_EXACT_ORDER"]

#: Safety bound when summing a terminating (polynomial) series with ``exact=True``.
MAX_EXACT_ORDER = 64
#: The default ħ symbol (positive).
HBAR = sympy.Symbol("hbar", positive=True)


def _check_pairs(xs: Sequence[sympy.Symbol], ps: Sequence[sympy.Symbol]) -> None:
    if len(xs) != len(ps) or not xs:
        raise InputError(f"need equally many positions and momenta (got {len(xs)} and {len(ps)})")
    for s in (*xs, *ps):
        if not isinstance(s, sympy.Symbol):
            raise InputError(f"phase-space coordinates must be SymPy Symbols, got {s!r}")


def poisson_operator(xs: Sequence[sympy.Symbol], ps: Sequence[sympy.Symbol],
                     slots: tuple[int, int] = (0, 1)) -> sympy.Expr:
    """Λ = ∇←_x·∇→_p − ∇←_p·∇→_x between factor slots ``slots`` (default left, right)."""
    _check_pairs(xs, ps)
    a, b = slots
    return bidiff.dot(a, xs, b, ps) - bidiff.dot(a, ps, b, xs)


def polynomial_degree(expr: sympy.Expr, variables: Sequence[sympy.Symbol]) -> int | None:
    """Total degree of ``expr`` in ``variables``, or None when it is not a polynomial in them."""
    expr = sympy.expand(expr)
    if expr == 0:
        return 0
    try:
        return sympy.Poly(expr, *variables).total_degree()
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return None


def _scalar_terms(func: str, f: sympy.Expr, g: sympy.Expr, xs, ps, hbar, order, scale,
                  exact: bool) -> list[sympy.Expr]:
    lam = poisson_operator(xs, ps)
    n_max = order
    if exact:
        # Λⁿ puts n derivatives on each factor: for polynomials the series ends at min degree
        variables = [*xs, *ps]
        degs = [polynomial_degree(h, variables) for h in (f, g)]
        if all(d is None for d in degs):
            raise InputError("exact=True needs a symbol that is polynomial in the phase-space "
                             f"variables {variables}; neither factor is; use order=N instead")
        n_max = min(d for d in degs if d is not None)
        if n_max > MAX_EXACT_ORDER:
            raise InputError(f"polynomial degree {n_max} exceeds MAX_EXACT_ORDER={MAX_EXACT_ORDER}")
    out: list[sympy.Expr] = []
    power = sympy.Integer(1)
    taylor = bidiff._TAYLOR[func]
    for n in range(n_max + 1):
        c = taylor(n)
        term = sympy.Integer(0)
        if c != 0:
            term = sympy.expand(c * scale ** n * bidiff.apply(power, [f, g]))
        out.append(term)
        power = sympy.expand(power * lam)
    return out


def star_terms(f, g, xs: Sequence[sympy.Symbol], ps: Sequence[sympy.Symbol], *,
               hbar: sympy.Expr = HBAR, order: int = 3,
               exact: bool = False) -> list:
    """Order-by-order terms ``[T_0, T_1, ...]`` of ``f ⋆ g``, ``T_n ∝ ħⁿ``."""
    _check_pairs(xs, ps)
    if order < 0:
        raise InputError(f"order must be >= 0, got {order}")
    scale = sympy.I * hbar / 2

    def one(a, b):
        return _scalar_terms("exp", a, b, xs, ps, hbar, order, scale, exact)

    fm, gm = isinstance(f, sympy.MatrixBase), isinstance(g, sympy.MatrixBase)
    if not fm and not gm:
        return one(f, g)
    # matrix symbols: compute per entry, then regroup by order
    per_entry = {}
    F = f if fm else sympy.Matrix([[f]])
    G = g if gm else sympy.Matrix([[g]])
    if F.cols != G.rows and fm and gm:
        raise InputError(f"matrix symbols do not conform: {F.shape} ⋆ {G.shape}")
    if not fm:
        F = sympy.eye(G.rows) * f
    if not gm:
        G = sympy.eye(F.cols) * g
    n_terms = 0
    for i in range(F.rows):
        for j in range(G.cols):
            acc: list[sympy.Expr] = []
            for m in range(F.cols):
                ts = one(F[i, m], G[m, j])
                for n, t in enumerate(ts):
                    if n >= len(acc):
                        acc.append(sympy.Integer(0))
                    acc[n] += t
            per_entry[(i, j)] = acc
            n_terms = max(n_terms, len(acc))
    return [sympy.Matrix(F.rows, G.cols,
                         lambda i, j, n=n: per_entry[(i, j)][n] if n < len(per_entry[(i, j)]) else 0)
            for n in range(n_terms)]


def star(f, g, xs, ps, *, hbar=HBAR, order: int = 3,
         exact: bool = False):
    """``f ⋆ g`` summed to ``order`` in ħ (or exactly, for polynomial symbols, ``exact=True``)."""
    terms = star_terms(f, g, xs, ps, hbar=hbar, order=order, exact=exact)
    total = terms[0]
    for t in terms[1:]:
        total = total + t
    return total.applyfunc(sympy.expand) if isinstance(total, sympy.MatrixBase) else sympy.expand(total)


def sine_bracket_terms(f, g, xs, ps, *, hbar=HBAR, order: int = 3,
                       exact: bool = False) -> list:
    """Terms of the Moyal (sine) bracket ``(f⋆g − g⋆f)/(iħ)``; term n is ∝ ħⁿ⁻¹ (even n vanish
    for scalars). For matrix symbols the zeroth term is the commutator ``[F, G]/(iħ)``."""
    a = star_terms(f, g, xs, ps, hbar=hbar, order=order, exact=exact)
    b = star_terms(g, f, xs, ps, hbar=hbar, order=order, exact=exact)
    n = max(len(a), len(b))
    zero = (a[0] * 0) if a else sympy.Integer(0)
    a = a + [zero] * (n - len(a))
    b = b + [zero] * (n - len(b))
    out = []
    for ta, tb in zip(a, b, strict=True):
        d = (ta - tb) / (sympy.I * hbar)
        out.append(d.applyfunc(sympy.expand) if isinstance(d, sympy.MatrixBase) else sympy.expand(d))
    return out


def sine_bracket(f, g, xs, ps, *, hbar=HBAR, order: int = 3,
                 exact: bool = False):
    """The Moyal bracket ``f (2/ħ) sin(ħΛ/2) g`` summed to ``order`` (see Eq. (31) of seed 001)."""
    terms = sine_bracket_terms(f, g, xs, ps, hbar=hbar, order=order, exact=exact)
    total = terms[0]
    for t in terms[1:]:
        total = total + t
    return total


def cosine_bracket(f, g, xs, ps, *, hbar=HBAR, order: int = 3,
                   exact: bool = False):
    """``f cos(ħΛ/2) g = (f⋆g + g⋆f)/2`` summed to ``order``."""
    a = star(f, g, xs, ps, hbar=hbar, order=order, exact=exact)
    b = star(g, f, xs, ps, hbar=hbar, order=order, exact=exact)
    out = (a + b) / 2
    return out.applyfunc(sympy.expand) if isinstance(out, sympy.MatrixBase) else sympy.expand(out)


def poisson_bracket(f: sympy.Expr, g: sympy.Expr, xs, ps) -> sympy.Expr:
    """Classical Poisson bracket Σ (∂_x f ∂_p g − ∂_p f ∂_x g), computed directly (no operators)."""
    _check_pairs(xs, ps)
    return sympy.expand(sum(sympy.diff(f, x) * sympy.diff(g, p) - sympy.diff(f, p) * sympy.diff(g, x)
                            for x, p in zip(xs, ps, strict=True)))
