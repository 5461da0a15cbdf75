"""Amplitude equations (16)-(18), (F5)-(F7) and the norm (14) of seed 000_afe20a70b32bac1d.txt with
genuine 3-D positions.

Apply H (2)-(11) to the state (12), project as in App. A on <0|phi(y1)phi(y2),
<0|phi(y2)sigma(y1)rho(y1), <0|sigma(y1)sigma(y2)rho(y1)rho(y2), keep the vacuum part of each
normal-ordered product (symlight.algebra) and integrate the delta functions out; symmetry (13) is
imposed by psi2(u,v) = s(u,v) + s(v,u), a(u,v) = al(u,v) -+ al(v,u). Every position is a vector
``(x_1, x_2, x_3)`` of R^3: the continuous field labels are 3-tuples, so a contraction is the
product delta(x_1 - y_1) delta(x_2 - y_2) delta(x_3 - y_3) = delta^3(x - y), the weight of
{sigma(x), sigma(y)^dag} is 1/rho(x) of a 3-D argument (Eq. (9)), and integrals are d^3x.
``c(-Delta)^{1/2}`` is an arbitrary kernel ``T(x, x')`` symmetric under exchanging its two vector
arguments (Eq. (6)). The numeric lattice twin is :mod:`two_photon_amplitudes`.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from symlight.errors import InputError


def _vec(name: str) -> tuple[sp.Symbol, ...]:
    return tuple(sp.symbols(f"{name}_1:4", real=True))


Y1, Y2, X, XP, X1, X2, U, W, Z1, Z2 = (_vec(n) for n in ("y1", "y2", "x", "xp", "x1", "x2", "u", "w",
                                                         "z1", "z2"))
DUMMIES = (U, W)
rho = sp.Function("rho", real=True, positive=True)
T = sp.Function("T")
psi2f, psi1f, af = sp.Function("psi2"), sp.Function("psi1"), sp.Function("a")
s_, al_ = sp.Function("s"), sp.Function("alpha")
c, Om, g = sp.symbols("c Omega g", positive=True)


def _fields(statistics: str):
    from symlight.algebra import Boson, Fermion

    phi = lambda p: Boson("phi", p, continuous=True)  # noqa: E731
    maker = Fermion if statistics == "fermi" else Boson
    sig = lambda p: maker("sigma", p, continuous=True, weight=sp.Lambda(U, 1 / rho(*U)))  # noqa: E731
    return phi, sig


def _vacuum_part(expr) -> sp.Expr:
    from symlight.algebra import as_terms, normal_order

    return sp.sympify(as_terms(normal_order(expr)).get((), 0))


def _integrate_deltas(expr: sp.Expr, vectors) -> sp.Expr:
    """Integrate a sum of products over the 3-D ``vectors`` (d^3 each), using the delta functions
    component by component; a vector without deltas stays in an Integral over a canonical dummy."""
    out = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(expr)):
        left = []
        for vec in vectors:
            for v in vec:
                for dlt in [f for f in sp.Mul.make_args(term) if isinstance(f, sp.DiracDelta)
                            and f.args[0].has(v)]:
                    arg = dlt.args[0]
                    coeff = arg.diff(v)
                    if coeff in (1, -1) and not (arg - coeff * v).has(v):
                        term = (term / dlt).xreplace({v: -(arg - coeff * v) / coeff})  # root of arg
                        break
            if any(term.has(v) for v in vec):
                if not all(term.has(v) for v in vec):
                    raise InputError(f"vector {vec} only partly integrated by delta functions in {term}")
                left.append(vec)
        for vec, dummy in zip(left, DUMMIES, strict=False):
            term = sp.Integral(term.xreplace(dict(zip(vec, dummy, strict=True))),
                               *((d, -sp.oo, sp.oo) for d in dummy))
        out += term
    return _canonical(out)


def _canonical(expr: sp.Expr) -> sp.Expr:
    """T symmetric under exchange of its two vector arguments: order them."""
    def sym_T(*args):
        a, b = sp.Tuple(*args[:3]), sp.Tuple(*args[3:])
        first, second = sorted((a, b), key=sp.default_sort_key)
        return T(*first, *second)
    return sp.expand(expr.replace(T, sym_T))


def _state_terms(sig, phi):
    from symlight.algebra import dagger

    return {"psi2": psi2f(*X1, *X2) * dagger(phi(X1)) * dagger(phi(X2)),
            "psi1": psi1f(*X1, *X2) * rho(*X1) * dagger(sig(X1)) * dagger(phi(X2)),
            "a": af(*X1, *X2) * rho(*X1) * rho(*X2) * dagger(sig(X1)) * dagger(sig(X2))}


def _symmetrise(e: sp.Expr, statistics: str) -> sp.Expr:
    sa = -1 if statistics == "fermi" else 1
    e = e.replace(psi2f, lambda *a: s_(*a[:3], *a[3:]) + s_(*a[3:], *a[:3]))
    return e.replace(af, lambda *a: al_(*a[:3], *a[3:]) + sa * al_(*a[3:], *a[:3]))


@lru_cache(maxsize=2)
def derive_amplitude_equations(statistics: str = "fermi") -> dict[str, tuple[sp.Expr, sp.Expr]]:
    """{"16": (lhs, rhs), ...}: <P|Psi> and <P|H|Psi> in R^3 (i d_t lhs = rhs), symmetry (13)/(F4)."""
    if statistics not in ("fermi", "bose"):
        raise InputError(f"statistics={statistics!r}: use 'fermi' (Eq. (9)) or 'bose' (Eq. (F1))")
    from symlight.algebra import dagger

    phi, sig = _fields(statistics)
    H = {"F": (c * T(*X, *XP) * dagger(phi(X)) * phi(XP), [X, XP]),
         "A": (Om * rho(*X) * dagger(sig(X)) * sig(X), [X]),
         "I": (g * rho(*X) * (dagger(phi(X)) * sig(X) + dagger(sig(X)) * phi(X)), [X])}
    P = {"16": phi(Y1) * phi(Y2), "17": rho(*Y1) * phi(Y2) * sig(Y1),
         "18": rho(*Y1) * rho(*Y2) * sig(Y2) * sig(Y1)}
    states = _state_terms(sig, phi)
    out = {}
    for label, proj in P.items():
        lhs = sum(_integrate_deltas(_vacuum_part(proj * st), [X1, X2]) for st in states.values())
        rhs = sp.Integer(0)
        for hterm, hvars in H.values():
            for st in states.values():
                rhs += _integrate_deltas(_vacuum_part(proj * hterm * st), [X1, X2] + hvars)
        out[label] = (_canonical(_symmetrise(lhs, statistics)), _canonical(_symmetrise(rhs, statistics)))
    return out


def _kinetic(f, slot: int) -> sp.Expr:
    """c (-Delta_{x_slot})^{1/2} f(y1, y2) = c int d^3u T(y_slot, u) f(..u..) (Eq. (6))."""
    args = (*U, *Y2) if slot == 1 else (*Y1, *U)
    ys = Y1 if slot == 1 else Y2
    return c * sp.Integral(T(*ys, *U) * f(*args), *((d, -sp.oo, sp.oo) for d in U))


def _split_integrals(e: sp.Expr) -> sp.Expr:
    """Canonical integrals: one Integral per term, u-independent factors outside, u <-> w relabelled."""
    swap = dict(zip(U, W, strict=True)) | dict(zip(W, U, strict=True))

    def split(z):
        out = sp.Integer(0)
        f, limits = z.function, z.limits
        while isinstance(f, sp.Integral):
            limits = limits + f.limits
            f = f.function
        for t in sp.Add.make_args(sp.expand(f)):
            ind, dep = t.as_independent(*U, *W, as_Add=False)
            if len(limits) == 6:
                dep = min(dep, dep.xreplace(swap), key=sp.default_sort_key)
            out += ind * sp.Integral(dep, *sorted(limits, key=sp.default_sort_key))
        return out
    return sp.expand(_canonical(e).replace(lambda z: isinstance(z, sp.Integral), split))


def printed_equations(statistics: str = "fermi") -> dict[str, tuple[sp.Expr, sp.Expr]]:
    """(16)-(18) or (F5)-(F7) as printed, with 3-D positions: {label: (lhs, rhs)}."""
    sa = -1 if statistics == "fermi" else 1
    p2 = lambda *a: s_(*a[:3], *a[3:]) + s_(*a[3:], *a[:3])  # noqa: E731
    p1 = lambda *a: psi1f(*a)  # noqa: E731
    aa = lambda *a: al_(*a[:3], *a[3:]) + sa * al_(*a[3:], *a[:3])  # noqa: E731
    r1, r2 = rho(*Y1), rho(*Y2)
    e16 = (p2(*Y1, *Y2), _kinetic(p2, 1) + _kinetic(p2, 2)
           + g / 2 * (r1 * p1(*Y1, *Y2) + r2 * p1(*Y2, *Y1)))
    e17 = (r1 * p1(*Y1, *Y2), 2 * g * r1 * p2(*Y1, *Y2) + r1 * (_kinetic(p1, 2) + Om * p1(*Y1, *Y2))
           + sa * 2 * g * r1 * r2 * aa(*Y1, *Y2))
    e18 = (r1 * r2 * aa(*Y1, *Y2), g / 2 * r1 * r2 * (p1(*Y2, *Y1) + sa * p1(*Y1, *Y2))
           + 2 * Om * r1 * r2 * aa(*Y1, *Y2))
    return {k: (sp.expand(v[0]), _split_integrals(v[1])) for k, v in (("16", e16), ("17", e17), ("18", e18))}


def compare_with_print(statistics: str = "fermi") -> dict[str, tuple[sp.Expr, sp.Expr, sp.Expr]]:
    """For each equation: (k, printed rhs * k, derived rhs) where derived lhs = k * printed lhs."""
    der = derive_amplitude_equations(statistics)
    out = {}
    for key, (pl, prr) in printed_equations(statistics).items():
        dl, dr = der[key]
        k = sp.simplify(dl / pl)
        out[key] = (k, sp.expand(k * prr), _split_integrals(dr))
    return out


def normalisation(statistics: str = "fermi") -> sp.Expr:
    """<Psi|Psi> of the state (12) in R^3 by the algebra (Eq. (14)), amplitudes symmetrised."""
    from symlight.algebra import dagger

    phi, sig = _fields(statistics)
    states = _state_terms(sig, phi)
    sub = dict(zip(X1 + X2, Z1 + Z2, strict=True))
    total = sp.Integer(0)
    for b in states.values():
        bra = dagger(b).subs(sub, simultaneous=True)
        for k_ in states.values():
            total += _integrate_deltas(_vacuum_part(bra * k_), [Z1, Z2, X1, X2])
    return _split_integrals(_symmetrise(total, statistics))


def printed_normalisation(statistics: str = "fermi") -> sp.Expr:
    """Left side of (14) in R^3: int d^3x1 d^3x2 [2|psi2|^2 + rho(x1)|psi1|^2 + 2 rho rho |a|^2]."""
    dens = (2 * psi2f(*U, *W) * sp.conjugate(psi2f(*U, *W))
            + rho(*U) * psi1f(*U, *W) * sp.conjugate(psi1f(*U, *W))
            + 2 * rho(*U) * rho(*W) * af(*U, *W) * sp.conjugate(af(*U, *W)))
    lim = tuple((d, -sp.oo, sp.oo) for d in U + W)
    return _split_integrals(_symmetrise(sp.Integral(dens, *lim), statistics))


def add_claims(book) -> None:
    """Claims (16)-(18), (F5)-(F7), (14), (F3) with 3-D positions (for the topic module)."""
    labels = {"fermi": {"16": "16", "17": "17", "18": "18"}, "bose": {"16": "F5", "17": "F6", "18": "F7"}}
    for st in ("fermi", "bose"):
        for key, (k, pr, dr) in compare_with_print(st).items():
            book.equal(labels[st][key], f"<P|H|Psi> by symlight.algebra in R^3 (vector field labels, "
                       f"delta^3 contractions; {st} atoms, App. A), lhs factor {k}", pr, dr)
        book.equal("14" if st == "fermi" else "F3",
                   f"<Psi|Psi> of the state (12) in R^3 by the algebra ({st})",
                   printed_normalisation(st), normalisation(st))
