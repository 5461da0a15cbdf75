"""Benchmarks for the waveguide-pair model (seed 004), side by side in one run; ratios reported.

1. Σ_s(z): derived closed form (29) (vectorised NumPy) vs the peer SciPy QUADPACK quadrature of
   Eq. (20) (``sigma_quadrature``), same points, max relative difference.
2. R(λ): default peak-aware rule vs the refined rule (the convergence reference), time and nodes.
"""

from __future__ import annotations

import time

import numpy as np


def main() -> None:
    from symlight.models.waveguide_pair import PairParams, quadrant_probabilities
    from symlight.models.waveguide_pair.ratio import Accuracy
    from symlight.models.waveguide_pair.self_energy import massive_mode, sigma, sigma_quadrature

    lam, M, d = 0.05, 1.0, 3.0
    zs = np.concatenate([np.linspace(0.2, 3.0, 20) + 0.05j, np.linspace(1.05, 3.0, 20)])
    om, g, dw = massive_mode(lam, M)
    t0 = time.perf_counter()
    ref = np.array([sigma_quadrature(z, 1, d, om, g, domega=dw) for z in zs])
    t_peer = time.perf_counter() - t0
    reps = 200
    t0 = time.perf_counter()
    for _ in range(reps):
        got = sigma(zs, 1, lam, M, d)
    t_ours = (time.perf_counter() - t0) / reps
    err = float(np.max(np.abs(got - ref) / np.abs(ref)))
    print(f"Sigma_s, {zs.size} points: closed form {t_ours * 1e3:.3f} ms, "
          f"SciPy QUADPACK {t_peer * 1e3:.1f} ms, "
          f"ratio peer/ours = {t_peer / t_ours:.0f}x, max rel diff {err:.1e}")
    for kd, lv in ((np.pi / 2, 1e-2), (5 * np.pi / 2, 3e-2)):
        par = PairParams.from_k0d(kd, lv, 1.1)
        t0 = time.process_time()
        a = quadrant_probabilities(par, Accuracy())
        ta = time.process_time() - t0
        t0 = time.process_time()
        b = quadrant_probabilities(par, Accuracy().refined())
        tb = time.process_time() - t0
        print(f"R(k0d={kd:.3f}, lam={lv}): default {a.R:.7f} ({a.nodes} nodes, {ta:.2f} s CPU), refined "
              f"{b.R:.7f} ({b.nodes} nodes, {tb:.2f} s CPU); time ratio {tb / ta:.1f}x, "
              f"rel diff {abs(a.R / b.R - 1):.1e}")


if __name__ == "__main__":
    main()
