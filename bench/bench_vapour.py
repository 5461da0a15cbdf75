"""Thermal-vapour ensembles (seed 002_796c9b23bedf2618.txt, Fig. 3 size): time and peer ratios.

1. A full figure's data: 7 temperatures × 1500 pairs × 400 τ through ``ensemble_g2`` (local
   processes, 2 workers), wall time including sampling, printed with the load average.
2. Side by side in one run, on the same 1500 pairs × 400 τ: symlight's batched ensemble kernel
   (``vapour_pair_system.g2_parts``) against the pair model's own ``.g2`` (``DrivenDipolePair``),
   the generic batched kernel ``symlight.kernels.batched.g2`` (when present) and QuTiP
   (``correlation_3op_1t`` per pair, a few pairs, per-pair time extrapolated). Ratios are what to
   trust under load; absolute times are printed too.

Run: ``python -m bench bench_vapour`` (or ``python bench/bench_vapour.py``).
"""

from __future__ import annotations

import os
import time

import numpy as np

TEMPERATURES = (450.0, 425.0, 400.0, 380.0, 370.0, 360.0, 350.0)


def _load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # pragma: no cover
        return "load average unavailable"


def _best(fn, repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def full_figure(workers: int = 2) -> tuple[float, list]:
    """Seconds for 7 T × 1500 pairs × 400 τ (derived model, derived couplings), and the results."""
    from symlight.models.driven_pair_moments import driven_dipole_pair
    from symlight.models.vapour_ensemble import VapourPoint, coupling_function, ensemble_g2
    from symlight.models.vapour_pair_system import LinearPairSystem

    system = LinearPairSystem.from_sympy(*driven_dipole_pair().linear_system(), label="derived")
    coupling_function("derived")(np.array([1.0]), np.array([0.0]))  # derive the couplings once
    taus = np.linspace(0.0, 4.0, 400)
    points = [VapourPoint(t, 20.0, 0.0) for t in TEMPERATURES]
    import resource

    def cpu() -> float:
        own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    start, cpu0 = time.perf_counter(), cpu()
    res = ensemble_g2(points, system, taus, n_pairs=1500, couplings="derived", executor="local",
                      workers=workers, progress=False)
    wall, used = time.perf_counter() - start, cpu() - cpu0
    print(f"  CPU time of parent + workers: {used:.2f} s (load-independent; <= 2 x 10 s fits "
          f"'under 10 s on 2 cores' on an idle machine)")
    return wall, res


def main() -> None:
    from symlight.models.driven_pair_moments import driven_dipole_pair
    from symlight.models.vapour_ensemble import VapourPoint, coupling_function, sample_chunk
    from symlight.models.vapour_pair_system import LinearPairSystem, g2_parts

    print(_load())
    seconds, res = full_figure()
    print(f"full figure data, 7 T x 1500 pairs x 400 tau, local processes (2 workers): "
          f"{seconds:.2f} s  [{_load()}]")
    for r in res:
        print(f"  T={r.point.temperature:.0f} K  r_av={r.r_av_lam:.3f} lambda  "
              f"g2(0)={r.g2_0:.4f} +- {r.g2_0_stderr:.4f}  FWHM={r.fwhm:.4f}  "
              f"expm fallbacks={r.expm_fallback}")

    model = driven_dipole_pair()
    system = LinearPairSystem.from_sympy(*model.linear_system(), label="derived")
    sampling = {"positions": "box", "dipoles": "isotropic", "doppler": "window", "window": 5.0,
                "r_min_lam": 0.01, "prefactor": "exact"}
    params = sample_chunk(1, 0, 0, 1500, VapourPoint(380.0, 20.0, 0.0), sampling,
                          coupling_function("derived"))
    taus = np.linspace(0.0, 4.0, 400)
    rows = []
    ours = _best(lambda: g2_parts(system, taus, params))
    rows.append(("symlight vapour_pair_system.g2_parts (1500 pairs)", ours, 1500))
    ref = g2_parts(system, taus, params).g2
    peer = _best(lambda: model.g2(taus, params), repeat=1)
    err = float(np.max(np.abs(model.g2(taus, params) - ref)))
    rows.append((f"DrivenDipolePair.g2 (1500 pairs; max |diff| {err:.1e})", peer, 1500))
    try:
        from symlight.kernels import batched
        from symlight.kernels import dipole_pair as kdp

        spec = kdp.g2_spec()
        M, b = system.matrices(params)
        kern = _best(lambda: batched.g2(M, b, spec, taus), repeat=1)
        rows.append(("symlight.kernels.batched.g2 (1500 pairs, M built once)", kern, 1500))
    except Exception as exc:  # noqa: BLE001 - an optional peer
        print(f"  (kernels.batched peer skipped: {type(exc).__name__}: {exc})")
    try:
        import qutip

        n_q = 5
        sub = {k: v[:n_q] for k, v in params.items()}

        def run_qutip() -> None:
            for q in range(n_q):
                H, c_ops = model.to_qutip({k: v[q] for k, v in sub.items()})
                a = qutip.tensor(qutip.destroy(2), qutip.qeye(2))
                a2 = qutip.tensor(qutip.qeye(2), qutip.destroy(2))
                qutip.correlation_3op_1t(H, None, taus, c_ops, a.dag(), a2.dag() * a, a2)

        qt = _best(run_qutip, repeat=1)
        rows.append((f"QuTiP correlation_3op_1t (1 of 4 terms, {n_q} pairs)", qt, n_q))
    except Exception as exc:  # noqa: BLE001 - an optional peer
        print(f"  (QuTiP peer skipped: {type(exc).__name__}: {exc})")
    print(f"per-pair cost, 400 tau [{_load()}]:")
    base = ours / 1500
    for name, sec, n in rows:
        per = sec / n
        print(f"  {name:<70s} {sec:8.3f} s  {per * 1e3:8.3f} ms/pair  ratio {per / base:8.1f}x")


if __name__ == "__main__":
    main()
