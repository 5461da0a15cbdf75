"""Coupled-dipole benchmark (seed 003, Fig. 4): matrix assembly versus LAPACK eigendecomposition.

Peer: numpy.linalg.eigvals / eig (LAPACK zgeev) on the same 3M x 3M matrix, in the SAME run.
Reports the ratio assembly / eig (must be < 5% at M = 2000) and the time to evaluate
⟨Im T_mm⟩(δ) at 200 detunings from the one decomposition (must be < 1 s).

    python -m bench bench_dipoles                 # M = 150, 300, 600 (quick)
    python bench/bench_dipoles.py --M 2000        # the must-show size (tens of minutes under load)
    python bench/bench_dipoles.py --M 300 600 1000 2000 --eig-max 1000
        # M = 2000: assembly and the 200-detuning sweep measured, the eig time extrapolated as M³
        # from the largest measured M (marked "extrap.")

Times are CPU seconds of this process (``time.process_time``, robust to other users' load on a
shared machine; run with OPENBLAS_NUM_THREADS=1 so LAPACK is single-threaded) with wall seconds
beside them.  The generated Green kernel is built once before timing (its one-off lambdify cost
would otherwise be charged to the first assembly).
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def run(m: int, density: float = 0.1, seed: int = 1, vectors: bool = False,
        eig: bool = True) -> dict[str, float]:
    from symlight.greens.coupled import green_matrix_loop
    from symlight.numerics.dipole_spectra import Spectrum, sphere_positions, system_matrix

    rng = np.random.default_rng(seed)
    pos = sphere_positions(m, density, rng)
    system_matrix(pos[:4])  # warm-up: the generated kernel is built once, outside the timing
    c0, t0 = time.process_time(), time.perf_counter()
    a = system_matrix(pos)
    c1, t1 = time.process_time(), time.perf_counter()
    out = {"M": m, "assembly_s": c1 - c0, "assembly_wall_s": t1 - t0}
    if eig:
        if vectors:
            lam, v = np.linalg.eig(a)
        else:
            lam = np.linalg.eigvals(a)
        c2, t2 = time.process_time(), time.perf_counter()
        out.update(eig_s=c2 - c1, eig_wall_s=t2 - t1)
    else:  # synthetic spectrum of the right size for the detuning sweep (cost depends on 3M only)
        lam = rng.normal(size=3 * m) - 1j * rng.random(3 * m)
    spec = Spectrum(lam)
    deltas = np.linspace(-5, 5, 200)
    c3 = time.process_time()
    curve = spec.mean_diagonal(deltas)
    out["sweep200_s"] = time.process_time() - c3
    # the naive peer for the detuning sweep: one inversion per detuning (timed on 2 detunings)
    if eig and m <= 1000:
        nsolve = 2
        c5 = time.process_time()
        for d in deltas[:nsolve]:
            np.trace(np.linalg.inv(2 * d * np.eye(a.shape[0]) - a))
        out["inv_per_delta_s"] = (time.process_time() - c5) / nsolve
        out["sweep_speedup"] = out["inv_per_delta_s"] * 200 / max(out["sweep200_s"], 1e-9)
    out["curve_check"] = float(np.sum(np.isfinite(curve)))
    if m <= 150:
        c7 = time.process_time()
        green_matrix_loop(pos)
        out["loop_assembly_s"] = time.process_time() - c7
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--M", type=int, nargs="*", default=[150, 300, 600])
    ap.add_argument("--vectors", action="store_true", help="time full eig (with eigenvectors)")
    ap.add_argument("--eig-max", type=int, default=None,
                    help="above this M, extrapolate the eig time as M^3 from the largest measured M")
    args = ap.parse_args(argv if argv is not None else [])
    print(f"{'M':>6} {'3M':>6} {'assembly s':>11} {'eig s':>14} {'assembly/eig':>13} "
          f"{'200 δ s':>9} {'inv/δ s':>9} {'sweep speed-up':>15}   (CPU s; wall s in brackets)")
    ref: tuple[int, float] | None = None
    for m in args.M:
        measure = args.eig_max is None or m <= args.eig_max
        r = run(m, vectors=args.vectors, eig=measure)
        if measure:
            ref = (m, r["eig_s"])
            eig, tag = r["eig_s"], f"{r['eig_s']:9.3f}     "
        elif ref is not None:
            eig = ref[1] * (m / ref[0]) ** 3
            tag = f"{eig:9.1f} extr."
        else:
            eig, tag = float("nan"), "      n/a     "
        inv = f"{r['inv_per_delta_s']:9.4f}" if "inv_per_delta_s" in r else f"{'-':>9}"
        sp = f"{r['sweep_speedup']:15.0f}" if "sweep_speedup" in r else f"{'-':>15}"
        print(f"{m:6d} {3 * m:6d} {r['assembly_s']:11.4f} {tag:>14} {r['assembly_s'] / eig:13.4%} "
              f"{r['sweep200_s']:9.5f} {inv} {sp}   [assembly {r['assembly_wall_s']:.3f}"
              + (f", eig {r['eig_wall_s']:.2f}]" if measure else "]"), flush=True)
        if "loop_assembly_s" in r:
            print(f"       (block-by-block python loop assembly: {r['loop_assembly_s']:.3f} s, "
                  f"vectorised speed-up {r['loop_assembly_s'] / r['assembly_s']:.0f}x)")
    print("peer: numpy.linalg.eig" + ("" if args.vectors else "vals") + " (LAPACK zgeev), same run; "
          "ratios are the result, absolute times depend on the machine and its load")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
