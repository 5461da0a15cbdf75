"""Heisenberg equations (12)-(13) of seed 001 from the mode Hamiltonian (6)-(9).

One species, one polarisation, and a finite periodic set of 1-D wavevectors K = {−1, 0, 1}
(a truncation: every term of H, and of the printed equations, whose mode index leaves K is
dropped on both sides alike). Coefficients are generic functions ξ(k), ω(k), M(k, k'),
D(k, k'); the Coulomb element U_q = u/q² (q ≠ 0, neutralising background). Commutators are
computed with ``symlight.algebra`` (canonical normal order) and compared term by term.
The linear (M) term of (12) is left out: its printed form uses the transversality 𝓐_k·k = 0 of
Eq. (10), which a 1-D model cannot represent.
"""

from __future__ import annotations

import itertools

import sympy as sp

from symlight.algebra import Boson, Fermion, commutator, dagger
from symlight.checks import Claim, ClaimBook

TOPIC, SOURCE = "plasma-photons", "001_acf7c75771656388.txt"

KS = (-1, 0, 1)
xi, om = sp.Function("xi"), sp.Function("omega")
M, D = sp.Function("M"), sp.Function("D")
u, hbar = sp.symbols("u hbar", positive=True)


def _a(k):
    return Boson("a", k) if k in KS else None


def _c(k):
    return Fermion("c", k) if k in KS else None


def _prod(*ops):
    if any(o is None for o in ops):
        return sp.Integer(0)
    out = sp.Integer(1)
    for o in ops:
        out = out * o
    return out


def _U(q):
    return u / sp.Integer(q) ** 2


def hamiltonian() -> dict[str, sp.Expr]:
    """H_pl (6), H_rad (7), H_int^(1) (8), H_int^(2) (9) on the truncated mode set."""
    c, a, cd, ad = _c, _a, (lambda k: dagger(_c(k)) if k in KS else None), \
        (lambda k: dagger(_a(k)) if k in KS else None)
    H_free = sum(xi(k) * _prod(cd(k), c(k)) for k in KS)
    H_coul = sp.Rational(1, 2) * sum(
        _U(q) * _prod(cd(k + q), cd(kp - q), c(kp), c(k))
        for k, kp, q in itertools.product(KS, KS, range(-2, 3)) if q != 0)
    H_rad = sum(hbar * om(k) * _prod(ad(k), a(k)) for k in KS)
    H1 = sum(M(k, kp) * (_prod(a(k), cd(k + kp), c(kp)) + _prod(ad(k), cd(kp), c(k + kp)))
             for k, kp in itertools.product(KS, KS))
    H2 = sum(D(k, kp) * _prod(ad(k), a(kp), cd(kp + q), c(k + q))
             for k, kp, q in itertools.product(KS, KS, range(-2, 3)))
    return {"free": H_free, "coulomb": H_coul, "rad": H_rad, "lin": H1, "compton": H2}


def claims() -> list[Claim]:
    book = ClaimBook(TOPIC, SOURCE)
    H = hamiltonian()
    c, a = _c, _a
    cd = lambda k: dagger(_c(k)) if k in KS else None  # noqa: E731
    ad = lambda k: dagger(_a(k)) if k in KS else None  # noqa: E731
    for k in (0, 1):
        # (13): iħ ∂_t a_k = [a_k, H]
        printed13 = (hbar * om(k) * a(k)
                     + sum(M(k, kp) * _prod(cd(kp), c(k + kp)) for kp in KS)
                     + sum(D(k, kp) * _prod(a(kp), cd(kp + q), c(k + q))
                           for kp, q in itertools.product(KS, range(-2, 3))))
        derived13 = commutator(a(k), H["rad"] + H["lin"] + H["compton"] + H["free"] + H["coulomb"])
        book.equal("13", f"Heisenberg equation of the photon mode a_{k} from H of (6)-(9) "
                   f"(1-D modes {KS}, truncated sums)", printed13, derived13)
        # (12) without the M term: free, Coulomb (Hartree-Fock source) and Compton parts
        printed12 = (xi(k) * c(k)
                     + sum(_U(q) * _prod(cd(kp), c(kp + q), c(k - q))
                           for kp, q in itertools.product(KS, range(-2, 3)) if q != 0)
                     + sum(D(kp, k - q) * _prod(ad(kp), a(k - q), c(kp + q))
                           for kp, q in itertools.product(KS, range(-2, 3))))
        derived12 = commutator(c(k), H["free"] + H["coulomb"] + H["compton"] + H["rad"])
        book.equal("12", f"Heisenberg equation of the fermion mode c_{k}: kinetic, Coulomb and "
                   "Compton terms (1-D modes, truncated sums)", printed12, derived12)
    return book.claims
