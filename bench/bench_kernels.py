"""Kernels and batched solvers, side by side with their peers in ONE run (ratios are the result).

1. Assembling M (15×15) and b of the driven dipole pair (seed 002, Appendix B) for P = 10⁵
   random parameter sets: ``sympy.lambdify`` of the same matrix with default options (its
   vectorised call fails for a matrix with constant zeros, so it is timed per point on a sample
   and scaled), lambdify(cse=True) entrywise-vectorised (what a careful user writes by hand),
   the generated NumPy kernel, and the compiled C kernel (1 thread; OpenMP on all cores).
2. g2(τ) of Eqs. (12)/(15) for 1500 pairs × 400 τ: symlight (C kernel + batched solver;
   and the standalone NumPy-only module) versus QuTiP ``steadystate`` + 4×
   ``correlation_3op_1t`` per pair, on a sample of pairs, scaled; max |Δg2| on the sample.
3. Agreement of both backends with mpmath at 50 digits, 1000 random points of a random 15×15
   rational matrix (relative error).

Run: ``python -m bench bench_kernels`` (or ``python bench/bench_kernels.py [--quick]``).
Absolute times depend on machine load; the ratios are measured interleaved (best of N).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import sympy as sp

ROOT = Path(__file__).resolve().parent.parent


def _best(fn, repeat: int = 3) -> float:
    best = np.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _params(P: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    return (rng.uniform(0.5, 20, P) * np.exp(2j * np.pi * rng.uniform(size=P)),
            rng.uniform(0.5, 20, P) * np.exp(2j * np.pi * rng.uniform(size=P)),
            rng.normal(0, 5, P), rng.normal(0, 5, P), rng.normal(0, 2, P), rng.uniform(-0.95, 0.95, P))


def bench_assembly(P: int = 100_000, sample: int = 1000, repeat: int = 3) -> dict[str, float]:
    from symlight.kernels import generate
    from symlight.models.driven_pair_moments import driven_dipole_pair

    model = driven_dipole_pair()
    M, b = model.linear_system()
    syms = list(model.symbols)
    pr = _params(P)
    k_np_M, k_np_b = generate(M, syms), generate(b, syms)
    k_c_M, k_c_b = generate(M, syms, backend="c"), generate(b, syms, backend="c")
    # default options, as a user would call it, on the dense matrix (the model hands out a
    # SparseMatrix, for which lambdify builds a scipy coo_matrix per call -- slower still)
    f_default = sp.lambdify(syms, sp.Matrix(M))
    f_default_b = sp.lambdify(syms, sp.Matrix(b))
    try:
        f_default(*pr)
        vector_note = "vectorised call works"
    except Exception as exc:  # noqa: BLE001 - the failure mode is the finding
        vector_note = f"vectorised call fails ({type(exc).__name__}: {str(exc)[:60]}...)"
    idx = [(i, j) for i in range(15) for j in range(15) if M[i, j] != 0]
    f_entries = sp.lambdify(syms, [M[i, j] for i, j in idx], cse=True)
    bidx = [i for i in range(15) if b[i] != 0]
    f_bentries = sp.lambdify(syms, [b[i] for i in bidx], cse=True)

    def lambdify_loop():
        for p in range(sample):
            args = [x[p] for x in pr]
            np.asarray(f_default(*args), dtype=complex)
            np.asarray(f_default_b(*args), dtype=complex)

    def lambdify_entries():
        out = np.zeros((P, 15, 15), complex)
        for (i, j), v in zip(idx, f_entries(*pr), strict=True):
            out[:, i, j] = v
        outb = np.zeros((P, 15), complex)
        for i, v in zip(bidx, f_bentries(*pr), strict=True):
            outb[:, i] = v

    outM = np.empty((P, 15, 15), complex)
    outb = np.empty((P, 15, 1), complex)
    ncores = os.cpu_count() or 1
    times: dict[str, float] = {k: np.inf for k in (
        "lambdify default (per point, scaled)", "lambdify cse entrywise vectorised",
        "numpy kernel", "C kernel, 1 thread", f"C kernel, {ncores} threads",
        "C kernel, 1 thread, reused out", f"C kernel, {ncores} threads, reused out")}
    for _ in range(repeat):   # interleaved, best of `repeat`
        t = _best(lambdify_loop, 1) * P / sample
        times["lambdify default (per point, scaled)"] = min(times["lambdify default (per point, scaled)"], t)
        times["lambdify cse entrywise vectorised"] = min(times["lambdify cse entrywise vectorised"],
                                                         _best(lambdify_entries, 1))
        times["numpy kernel"] = min(times["numpy kernel"], _best(lambda: (k_np_M(*pr), k_np_b(*pr)), 1))
        for nt in (1, ncores):
            k_c_M.set_threads(nt)
            key = f"C kernel, {nt} thread{'s' if nt > 1 else ''}"
            times[key] = min(times[key], _best(lambda: (k_c_M(*pr), k_c_b(*pr)), 1))
            times[key + ", reused out"] = min(times[key + ", reused out"], _best(
                lambda: (k_c_M(*pr, out=outM), k_c_b(*pr, out=outb)), 1))
    err = np.abs(k_np_M(*tuple(x[:1000] for x in pr))
                 - k_c_M(*tuple(x[:1000] for x in pr))).max()
    print(f"\n[1] assemble M (15x15) and b for P = {P:,} parameter sets "
          f"(lambdify default: {vector_note}; timed on {sample} points and scaled)")
    base = times["numpy kernel"]
    for k, v in times.items():
        print(f"    {k:<42s} {v:9.4f} s   ratio to numpy kernel {v / base:8.2f}")
    print(f"    => numpy kernel is {times['lambdify default (per point, scaled)'] / base:.0f}x faster than "
          f"lambdify(default), {times['lambdify cse entrywise vectorised'] / base:.2f}x faster than "
          "hand-vectorised lambdify(cse=True)")
    c1 = times["C kernel, 1 thread"]
    print(f"    => C kernel (1 thread) is {base / c1:.2f}x faster than the numpy kernel; "
          f"with {ncores} threads {base / times[f'C kernel, {ncores} threads']:.2f}x; "
          f"into a reused buffer {base / times['C kernel, 1 thread, reused out']:.2f}x (1 thread), "
          f"{base / times[f'C kernel, {ncores} threads, reused out']:.2f}x ({ncores} threads)")
    print(f"    max |numpy - C| on 1000 sets: {err:.1e}")
    # why C cannot be 3x faster here: the output (P x 225 complex) must be written once
    floor = min(_best(lambda: np.zeros((P, 15, 15), complex).fill(1.0), 1) for _ in range(repeat))
    copy = min(_best(lambda: np.ascontiguousarray(k_np_M(*pr)), 1) for _ in range(repeat))
    print(f"    write floor: allocating + filling a fresh ({P},15,15) complex array takes {floor:.4f} s "
          f"(C kernel, 1 thread: {c1 / floor:.2f}x that); the numpy kernel returns an entry-major "
          f"view (zero entries never written) -- made contiguous for LAPACK it takes {copy:.4f} s "
          f"({copy / c1:.2f}x the C kernel)")
    times["write floor"] = floor
    times["numpy kernel + contiguous"] = copy
    return times


def bench_compute_bound(P: int = 100_000, repeat: int = 3) -> dict[str, float]:
    """A compute-bound kernel: the random 15×15 matrix of rational functions of 4 complex and
    1 real parameters used by the mpmath test (~100 operations per entry)."""
    sys.path.insert(0, str(ROOT))
    from symlight.kernels import generate
    from tests.test_kernels_mpmath import ARGS, random_matrix, random_points

    M = random_matrix()
    k_np, k_c = generate(M, ARGS), generate(M, ARGS, backend="c")
    z, tt = random_points(P)
    t_np = min(_best(lambda: k_np(*z, tt), 1) for _ in range(repeat))
    t_c = min(_best(lambda: k_c(*z, tt), 1) for _ in range(repeat))
    k_c.set_threads(os.cpu_count() or 1)
    t_c2 = min(_best(lambda: k_c(*z, tt), 1) for _ in range(repeat))
    k_c.set_threads(1)
    print(f"\n[1b] compute-bound kernel (random 15x15 rational matrix, {len(M.free_symbols)} parameters), "
          f"P = {P:,}: numpy {t_np:.4f} s, C 1 thread {t_c:.4f} s ({t_np / t_c:.2f}x), "
          f"C {os.cpu_count()} threads {t_c2:.4f} s ({t_np / t_c2:.2f}x)")
    return {"numpy": t_np, "c": t_c, "c threads": t_c2}


def numba_source(M: sp.Matrix, args) -> str:
    """Per-set loop source for numba, from the same sanitised expressions and CSE as the NumPy
    backend (measurement only: symlight ships the C backend, see the report)."""
    from symlight.kernels.expressions import prepare
    from symlight.kernels.numpy_backend import KernelNumPyPrinter

    prep = prepare(M, args)
    printer = KernelNumPyPrinter()
    nz = [(k, e) for k, e in enumerate(prep.exprs) if e != 0]
    repl, red = sp.cse([e for _, e in nz], symbols=sp.numbered_symbols("_c"), order="none")
    names = [str(a) for a in prep.args]
    lines = ["import numpy", "import numba", "", "@numba.njit(cache=False)",
             f"def kernel({', '.join(n + '_arr' for n in names)}, out):",
             "    for p in range(out.shape[0]):"]
    lines += [f"        {n} = {n}_arr[p]" for n in names]
    lines += [f"        {sym} = {printer.doprint(e)}" for sym, e in repl]
    lines.append("        out[p] = 0")
    for (k, _), e in zip(nz, red, strict=True):
        i, j = divmod(k, M.cols)
        lines.append(f"        out[p, {i}, {j}] = {printer.doprint(e)}")
    return "\n".join(lines) + "\n"


def bench_numba(P: int = 100_000, repeat: int = 3) -> dict[str, float] | None:
    """numba on the same expressions (skipped when numba is not installed)."""
    try:
        import numba  # noqa: F401
    except ImportError:
        print("\n[1c] numba is not installed: the numba variant is not measured here")
        return None
    from symlight.kernels import generate
    from symlight.models.driven_pair_moments import driven_dipole_pair

    model = driven_dipole_pair()
    M = sp.Matrix(model.linear_system()[0])
    syms = list(model.symbols)
    ns: dict = {}
    exec(compile(numba_source(M, syms), "<numba-kernel>", "exec"), ns)  # noqa: S102 - our source
    pr = _params(P)
    args = [np.asarray(x, dtype=complex if not s.is_real else float) for x, s in zip(pr, syms, strict=True)]
    out = np.empty((P, 15, 15), complex)
    t0 = time.perf_counter()
    ns["kernel"](*(a[:10] for a in args), out[:10])
    t_jit = time.perf_counter() - t0
    k_c, k_np = generate(M, syms, backend="c"), generate(M, syms)
    t_nb = min(_best(lambda: ns["kernel"](*args, out), 1) for _ in range(repeat))
    t_c = min(_best(lambda: k_c(*pr, out=out), 1) for _ in range(repeat))
    t_np = min(_best(lambda: k_np(*pr), 1) for _ in range(repeat))
    print(f"\n[1c] numba vs C on the pair matrix, P = {P:,}, reused output: numba {t_nb:.4f} s, "
          f"C {t_c:.4f} s (C {t_nb / t_c:.2f}x faster), numpy kernel {t_np:.4f} s; numba JIT "
          f"compile {t_jit:.2f} s per process (C: compiled once, cached on disk)")
    return {"numba": t_nb, "c": t_c, "jit": t_jit}


def _qutip_pair_g2(params, taus, opts):
    import qutip as qt

    O1, O2, D1, D2, g, gam = params
    sp_ = qt.Qobj([[0, 1], [0, 0]])
    I2 = qt.qeye(2)
    s1p, s2p = qt.tensor(sp_, I2), qt.tensor(I2, sp_)
    s1m, s2m = s1p.dag(), s2p.dag()
    H = (-D1 * s1p * s1m - D2 * s2p * s2m + g * (s1p * s2m + s2p * s1m)
         - 0.5 * (O1 * s1p + np.conj(O1) * s1m + O2 * s2p + np.conj(O2) * s2m))
    L = qt.liouvillian(H, [])
    low, rates = (s1m, s2m), ((1.0, gam), (gam, 1.0))
    for i in range(2):
        for j in range(2):
            L = L + 2 * rates[i][j] * qt.lindblad_dissipator(low[j], low[i])
    rho = qt.steadystate(L)

    def c3(a, bop, c):
        return qt.correlation_3op_1t(L, None, taus, [], a, bop, c, options=opts)

    num = (c3(s1p, s2p * s1m, s2m) + c3(s2p, s1p * s2m, s1m) + c3(s2p, s1p * s1m, s2m)
           + c3(s1p, s2p * s2m, s1m))
    e = lambda op: qt.expect(op, rho)  # noqa: E731
    den = 2 * e(s1p * s1m) * e(s2p * s2m) + 2 * e(s1p * s2m) * e(s2p * s1m)
    return (num / den).real


def bench_g2(P: int = 1500, T: int = 400, qutip_sample: int = 4, repeat: int = 3) -> dict[str, float]:
    from symlight.kernels import batched, generate
    from symlight.kernels import dipole_pair as dp
    from symlight.models.driven_pair_moments import driven_dipole_pair

    model = driven_dipole_pair()
    M, b = model.linear_system()
    syms = list(model.symbols)
    kM, kb = generate(M, syms, backend="c"), generate(b, syms, backend="c")
    spec = dp.g2_spec()
    spec_mod = importlib.util.spec_from_file_location(
        "sa_pair", ROOT / "codegen" / "generated" / "driven_dipole_pair.py")
    sa = importlib.util.module_from_spec(spec_mod)
    spec_mod.loader.exec_module(sa)
    pr = _params(P, seed=1)
    taus = np.linspace(0, 10, T)

    def ours():
        return batched.g2(kM(*pr), kb(*pr)[..., 0], spec, taus)

    res = ours()
    t_ours = min(_best(ours, 1) for _ in range(repeat))
    cpu = np.inf
    for _ in range(repeat):   # CPU seconds of this process: robust to other jobs on the machine
        c0 = time.process_time()
        ours()
        cpu = min(cpu, time.process_time() - c0)
    t_sa = min(_best(lambda: sa.g2(taus, *pr), 1) for _ in range(repeat))
    t_model = np.inf
    try:
        small = {n: x[:150] for n, x in zip(("Omega1", "Omega2", "Delta1", "Delta2", "g12", "gamma12"),
                                            pr, strict=True)}
        t_model = _best(lambda: model.g2(taus, small), 1) * P / 150
    except Exception as exc:  # noqa: BLE001
        print(f"    (model.g2 not timed: {type(exc).__name__}: {exc})")
    sa_vals = sa.g2(taus, *pr)
    print(f"\n[2] g2(tau), Eqs. (12)/(15): {P} pairs x {T} tau points, {os.cpu_count()} cores "
          f"(fallbacks to expm: {res.fallbacks})")
    print(f"    symlight C kernel + batched g2      {t_ours:8.3f} s wall, {cpu:.3f} s CPU "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"    standalone NumPy-only module        {t_sa:8.3f} s   "
          f"(max |diff| {np.abs(sa_vals - res.values).max():.1e})")
    if np.isfinite(t_model):
        print(f"    model.g2 (driven_dipole_pair)      {t_model:8.3f} s   (150 pairs, scaled)")
    out = {"symlight": t_ours, "symlight cpu": cpu, "standalone": t_sa, "model.g2": t_model}
    try:
        import qutip  # noqa: F401
    except ImportError:
        print("    QuTiP not installed: peer not measured")
        return out
    tight = {"atol": 1e-12, "rtol": 1e-10}
    for label, opts in (("QuTiP, tolerances for 1e-8 (atol 1e-12, rtol 1e-10)", tight),
                        ("QuTiP, default tolerances", None)):
        diffs, t0 = [], time.perf_counter()
        for p in range(qutip_sample):
            q = _qutip_pair_g2(tuple(x[p] for x in pr), taus, opts)
            diffs.append(np.abs(q - res.values[p]).max())
        per_pair = (time.perf_counter() - t0) / qutip_sample
        scaled = per_pair * P
        out[label] = scaled
        print(f"    {label:<52s} {per_pair:7.3f} s/pair -> {scaled:9.1f} s for {P} pairs "
              f"(x{scaled / t_ours:,.0f} ours); max |dg2| on {qutip_sample} pairs {max(diffs):.1e}")
    return out


def bench_mpmath(npoints: int = 1000) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from tests.test_kernels_mpmath import _check

    t = time.perf_counter()
    worst = _check(npoints)
    print(f"\n[3] generated kernels vs mpmath (50 digits), random 15x15 rational matrix, {npoints} points: "
          + ", ".join(f"{k}: max rel err {v:.1e}" for k, v in worst.items())
          + f"  ({time.perf_counter() - t:.0f} s)")
    return worst


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    quick = "--quick" in argv
    warnings.simplefilter("ignore", RuntimeWarning)
    os.environ.setdefault("SYMLIGHT_CACHE", str(Path(tempfile.gettempdir()) / "symlight-bench-cache"))
    print(f"bench_kernels: {os.cpu_count()} cores, load average {os.getloadavg()}")
    bench_assembly(P=10_000 if quick else 100_000, sample=200 if quick else 1000,
                   repeat=1 if quick else 3)
    bench_compute_bound(P=10_000 if quick else 100_000, repeat=1 if quick else 3)
    bench_numba(P=10_000 if quick else 100_000, repeat=1 if quick else 3)
    bench_g2(P=150 if quick else 1500, qutip_sample=1 if quick else 4, repeat=1 if quick else 3)
    bench_mpmath(100 if quick else 1000)


if __name__ == "__main__":
    main()
