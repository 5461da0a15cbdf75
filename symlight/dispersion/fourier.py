"""Fourier substitution of linear equations: δf(x, t) → δf̂ e^{i(q·x − ωt)} (∂_x → iq, ∂_t → −iω).

Sign convention of seed 001_acf7c75771656388.txt (plane waves e^{i(q·r − ωt)}, Sec. V.3).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp

from symlight.errors import InputError

__all__ = ["fourier_substitute"]


def fourier_substitute(equations: Sequence[sp.Expr], amplitudes: Mapping[sp.Expr, sp.Symbol],
                       xs: Sequence[sp.Symbol], qs: Sequence[sp.Symbol], t: sp.Symbol,
                       omega: sp.Symbol) -> list[sp.Expr]:
    """Replace each fluctuation ``δf(xs, t)`` by ``amp · e^{i(q·x − ωt)}`` and strip the phase."""
    if len(xs) != len(qs):
        raise InputError(f"need one wavevector component per coordinate: {len(xs)} vs {len(qs)}")
    phase = sp.exp(sp.I * (sum(q * x for q, x in zip(qs, xs, strict=True)) - omega * t))
    subs = {f: a * phase for f, a in amplitudes.items()}
    out = []
    for i, eq in enumerate(equations):
        raw = eq.subs(subs).doit() / phase
        # fast path: a linear equation is a sum of terms each carrying one phase factor, so
        # expanding and combining the exponentials strips it; simplify only if that fails
        e = sp.expand(sp.powsimp(sp.expand(raw), combine="exp"))
        if e.has(*xs) or e.has(t):
            e = sp.expand(sp.simplify(raw))
        if e.has(*xs) or e.has(t):
            raise InputError(f"equation {i} is not translation invariant after substitution: {e}")
        out.append(e)
    return out
