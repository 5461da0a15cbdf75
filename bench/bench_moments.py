"""Moment engine benchmarks, side by side with peers in one run (ratios; absolute times indicative).

1. Derivation of the N-atom hierarchy (4^N − 1 equations, driven atoms with dipole–dipole
   couplings and a collective rate matrix) for N = 2…5 by ``symlight.moments``, against the
   *matrix route* peer: SymPy 2^N × 2^N matrices, G(O) = i[H, O] + Σ R_kl(J_k† O J_l − ½{J_k†J_l, O})
   for every matrix unit O (the same information in another basis); the peer is run for N ≤ 3.
2. Numerics for P driven pairs (seed 002): batched steady states and g2(τ) against QuTiP
   (``steadystate`` and ``correlation_3op_1t`` per pair), ratio per pair.
"""

from __future__ import annotations

import itertools
import time

import numpy as np
import sympy


def _hierarchy(n: int):
    from symlight.algebra import TwoLevel

    sites = [TwoLevel(i + 1) for i in range(n)]
    om = [sympy.Symbol(f"Omega{i + 1}") for i in range(n)]
    de = [sympy.Symbol(f"Delta{i + 1}", real=True) for i in range(n)]
    H = sum(-de[i] * s.ee - (om[i] * s.raise_ + sympy.conjugate(om[i]) * s.lower) / 2
            for i, s in enumerate(sites))
    R = sympy.eye(n)
    for i, j in itertools.combinations(range(n), 2):
        g = sympy.Symbol(f"g{i + 1}{j + 1}", real=True)
        H += g * (sites[i].raise_ * sites[j].lower + sites[j].raise_ * sites[i].lower)
        R[i, j] = R[j, i] = sympy.Symbol(f"gamma{i + 1}{j + 1}", real=True)
    return sites, om, de, H, 2 * R


def engine_time(n: int) -> tuple[float, int]:
    from symlight.moments.examples import hierarchy

    sysm, seconds = hierarchy(n)
    return seconds, sysm.n


def matrix_route_time(n: int) -> float:
    """Peer: the adjoint generator on symbolic 2^N x 2^N matrices, projected on matrix units."""
    _, om, de, _, R = _hierarchy(n)
    start = time.perf_counter()
    d = 2**n
    sm = sympy.Matrix([[0, 1], [0, 0]])

    def site(op, i):
        mats = [sympy.eye(2)] * n
        mats[i] = op
        out = mats[0]
        for m in mats[1:]:
            out = sympy.kronecker_product(out, m)
        return out

    low = [site(sm, i) for i in range(n)]
    H = sympy.zeros(d, d)
    for i in range(n):
        H += -de[i] * low[i].T * low[i] - (om[i] * low[i].T + sympy.conjugate(om[i]) * low[i]) / 2
    for i, j in itertools.combinations(range(n), 2):
        H += sympy.Symbol(f"g{i + 1}{j + 1}", real=True) * (low[i].T * low[j] + low[j].T * low[i])
    K = sympy.zeros(d, d)
    for k in range(n):
        for l in range(n):
            K += R[k, l] * low[k].T * low[l] / 2
    A = sympy.I * H - K
    Ad = -sympy.I * H - K
    for a in range(d):
        for b in range(d):
            O = sympy.zeros(d, d)
            O[a, b] = 1
            G = A * O + O * Ad
            for k in range(n):
                for l in range(n):
                    if R[k, l] != 0:
                        G += R[k, l] * low[k].T * O * low[l]
            G.applyfunc(sympy.expand)  # coefficients on the matrix units are the entries of G
    return time.perf_counter() - start


def numeric_comparison(P: int = 200, P_qutip: int = 10) -> tuple[float, float]:
    """Seconds per pair: symlight batched (steady state + g2 on 50 delays) vs QuTiP."""
    from symlight.models.driven_pair_moments import DrivenDipolePair

    rng = np.random.default_rng(0)
    p = {"Omega1": rng.uniform(1, 20, P) * np.exp(1j * rng.uniform(0, 6.3, P)),
         "Omega2": rng.uniform(1, 20, P) * np.exp(1j * rng.uniform(0, 6.3, P)),
         "Delta1": rng.uniform(-5, 5, P), "Delta2": rng.uniform(-5, 5, P),
         "g12": rng.uniform(-3, 3, P), "gamma12": rng.uniform(-0.9, 0.9, P)}
    taus = np.linspace(0, 5, 50)
    model = DrivenDipolePair()
    model.g2(taus, {k: v[:2] for k, v in p.items()})  # compile once
    start = time.perf_counter()
    model.g2(taus, p)
    ours = (time.perf_counter() - start) / P
    try:
        import qutip
    except ImportError:
        return ours, float("nan")
    sm1 = qutip.tensor(qutip.destroy(2), qutip.qeye(2))
    sm2 = qutip.tensor(qutip.qeye(2), qutip.destroy(2))
    start = time.perf_counter()
    for n in range(P_qutip):
        H, c_ops = model.to_qutip({k: v[n] for k, v in p.items()})
        rho = qutip.steadystate(H, c_ops)
        for (a, b) in ((sm1, sm2), (sm2, sm1)):
            qutip.correlation_3op_1t(H, rho, taus, c_ops, a.dag(), b.dag() * a, b)
            qutip.correlation_3op_1t(H, rho, taus, c_ops, b.dag(), a.dag() * a, b)
    theirs = (time.perf_counter() - start) / P_qutip
    return ours, theirs


def main() -> None:
    print("derivation of the N-atom moment hierarchy (4^N - 1 equations)")
    print(f"{'N':>2} {'eqs':>5} {'symlight s':>11} {'matrix-route s':>15} {'ratio peer/ours':>16}")
    for n in (2, 3, 4, 5):
        t_ours, size = engine_time(n)
        t_peer = matrix_route_time(n) if n <= 3 else float("nan")
        ratio = t_peer / t_ours if np.isfinite(t_peer) else float("nan")
        print(f"{n:>2} {size:>5} {t_ours:>11.3f} {t_peer:>15.3f} {ratio:>16.1f}", flush=True)
    ours, theirs = numeric_comparison()
    print("driven pair: steady state + g2(tau) on 50 delays, seconds per pair")
    print(f"  symlight batched (P=200): {ours:.2e}   QuTiP steadystate + 4 x correlation_3op_1t: "
          f"{theirs:.2e}   ratio QuTiP/symlight: {theirs / ours:.0f}")


if __name__ == "__main__":
    main()
