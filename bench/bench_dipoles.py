"""Coupled-dipole benchmark (seed 003, Fig. 4): matrix assembly versus LAPACK eigendecomposition.

Peer: numpy.linalg.eigvals / eig (LAPACK zgeev) on the same 3M x 3M matrix, in the SAME run.
Reports the ratio assembly / eig (must be < 5% at M = 2000) and the time to evaluate
⟨Im T_mm⟩(δ) at 200 detunings from the one decomposition (must be < 1 s).

    python -m bench bench_dipoles                 # M = 300, 600 (quick)
    python bench/bench_dipoles.py --M 2000        # the must-show size (minutes on 2 cores)
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def run(m: int, density: float = 0.1, seed: int = 1, vectors: bool = False) -> dict[str, float]:
    from symlight.greens.coupled import green_matrix_loop
    from symlight.numerics.dipole_spectra import Spectrum, sphere_positions, system_matrix

    rng = np.random.default_rng(seed)
    pos = sphere_positions(m, density, rng)
    t0 = time.perf_counter()
    a = system_matrix(pos)
    t1 = time.perf_counter()
    if vectors:
        lam, v = np.linalg.eig(a)
    else:
        lam = np.linalg.eigvals(a)
    t2 = time.perf_counter()
    spec = Spectrum(lam)
    deltas = np.linspace(-5, 5, 200)
    t3 = time.perf_counter()
    curve = spec.mean_diagonal(deltas)
    t4 = time.perf_counter()
    # the naive peer for the detuning sweep: one linear solve per detuning (timed on 2 detunings)
    nsolve = 2
    t5 = time.perf_counter()
    for d in deltas[:nsolve]:
        np.trace(np.linalg.inv(2 * d * np.eye(a.shape[0]) - a))
    t6 = time.perf_counter()
    out = {"M": m, "assembly_s": t1 - t0, "eig_s": t2 - t1, "ratio": (t1 - t0) / (t2 - t1),
           "sweep200_s": t4 - t3, "inv_per_delta_s": (t6 - t5) / nsolve,
           "sweep_speedup": (t6 - t5) / nsolve * 200 / max(t4 - t3, 1e-9),
           "curve_check": float(np.sum(np.isfinite(curve)))}
    if m <= 150:
        t7 = time.perf_counter()
        green_matrix_loop(pos)
        out["loop_assembly_s"] = time.perf_counter() - t7
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--M", type=int, nargs="*", default=[150, 300, 600])
    ap.add_argument("--vectors", action="store_true", help="time full eig (with eigenvectors)")
    args = ap.parse_args(argv if argv is not None else [])
    print(f"{'M':>6} {'3M':>6} {'assembly s':>11} {'eig s':>9} {'assembly/eig':>13} "
          f"{'200 δ s':>9} {'inv/δ s':>9} {'sweep speed-up':>15}")
    for m in args.M:
        r = run(m, vectors=args.vectors)
        print(f"{m:6d} {3 * m:6d} {r['assembly_s']:11.4f} {r['eig_s']:9.3f} {r['ratio']:13.4%} "
              f"{r['sweep200_s']:9.5f} {r['inv_per_delta_s']:9.4f} {r['sweep_speedup']:15.0f}",
              flush=True)
        if "loop_assembly_s" in r:
            print(f"       (block-by-block python loop assembly: {r['loop_assembly_s']:.3f} s, "
                  f"vectorised speed-up {r['loop_assembly_s'] / r['assembly_s']:.0f}x)")
    print("peer: numpy.linalg.eig" + ("" if args.vectors else "vals") + " (LAPACK zgeev), same run; "
          "absolute times are unreliable under load, ratios are the result")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
