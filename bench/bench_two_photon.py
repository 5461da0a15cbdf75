"""Seed 000 (two-photon-medium): closed-form spectrum (41)-(43) vs numpy.linalg.eigh on a k-grid.

Peer: ``numpy.linalg.eigh`` on the stacked 4x4 symbols (40). Both run in one process, interleaved,
best of several repeats; the RATIO is the robust number (absolute times depend on load).
Also reports the agreement (max |difference| / max |lambda|).
"""

from __future__ import annotations

import time

import numpy as np

from symlight.models import two_photon_medium as hm


def _best(fn, repeats: int = 5) -> float:
    best = np.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    for n in (100, 300):
        k = np.linspace(0.01, 6.0, n)
        K1, K2 = np.meshgrid(k, k + 1e-3, indexing="ij")
        hm.eigenvalues_closed(K1[:2, :2], K2[:2, :2])  # warm the lambdified kernel
        A = hm.symbol_matrix_numeric(K1, K2)
        t_closed = _best(lambda K1=K1, K2=K2: hm.eigenvalues_closed(K1, K2))
        t_eigh = _best(lambda A=A: np.linalg.eigvalsh(A))
        err = np.max(np.abs(np.sort(hm.eigenvalues_closed(K1, K2), -1) - np.linalg.eigvalsh(A)))
        print(f"grid {n}x{n}: closed form {t_closed * 1e3:8.2f} ms, numpy eigvalsh {t_eigh * 1e3:8.2f} ms, "
              f"ratio eigvalsh/closed = {t_eigh / t_closed:5.2f}, max |diff| = {err:.1e}")


if __name__ == "__main__":
    main()
