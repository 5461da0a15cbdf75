"""Standalone solver modules (NumPy only) generated from a model's derived equations.

A standalone module carries everything a user needs without SymPy or symlight: the generated
NumPy kernels for M(params) and b(params), the batched steady-state / regression / g2 solvers
of :mod:`symlight.kernels.batched` (copied verbatim from their source, so the library and the
module run the same code), and the constant regression tables. Its header names the derivation
and the symlight version; a content hash of the derived input makes staleness visible, and
``tests/test_codegen_driven_dipole_pair.py`` fails when the committed module differs from a
fresh rendering. Regenerate with ``symlight codegen --all``.
"""

from __future__ import annotations

import hashlib
import inspect
import keyword
from pathlib import Path

import numpy as np
import sympy as sp

from symlight._version import __version__
from symlight.errors import InputError
from symlight.kernels import batched
from symlight.kernels.expressions import prepare
from symlight.kernels.numpy_backend import numpy_source

#: pieces of symlight.kernels.batched copied into every standalone module (NumPy only)
_EMBEDDED = ("BatchedSolveError", "_as_batch", "steady_state", "expm", "_uniform", "_expm_path",
             "_grid_factors", "_exp_grid", "_project_grid", "_real_transform", "_propagate_core",
             "_g2_core", "_g2_from_state")
_CONSTANTS = ("COND_MAX", "_CHUNK", "_PADE13")

#: Eq. (12) of seed 002: <σ_i⁺(0) S_k(τ) σ_j⁻(0)> terms (i, j, k), paper indices
PAIR_G2_TERMS = ((1, 2, 8), (2, 1, 7), (2, 2, 5), (1, 1, 6))
#: Eq. (15): denominator S5 S6 + S6 S5 + S7 S8 + S8 S7 (steady state)
PAIR_G2_DENOMINATOR = ((5, 6), (6, 5), (7, 8), (8, 7))


def _identifier(name: str) -> str:
    if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
        raise InputError(f"parameter name {name!r} cannot be a Python parameter of a standalone "
                         "module; rename the symbol")
    return name


def _array_literal(name: str, arr: np.ndarray) -> str:
    """A constant array as sparse (index, value) entries: exact for the 0/±1/integer tables."""
    arr = np.asarray(arr, dtype=float)
    entries = [(tuple(int(i) for i in idx), float(arr[idx])) for idx in zip(*np.nonzero(arr), strict=True)]
    lines = [f"{name} = numpy.zeros({arr.shape!r})"]
    for idx, v in entries:
        lines.append(f"{name}[{', '.join(map(str, idx))}] = {v!r}")
    return "\n".join(lines)


def pair_regression_tables(model) -> dict[str, np.ndarray]:
    """A, a0, cvec, w, Q, conj_perm of the g2 estimator, read from the model's public API."""
    S = list(model.S)
    n = len(S)
    R = len(PAIR_G2_TERMS)
    A, a0 = np.zeros((R, n, n)), np.zeros((R, n))
    cvec, w = np.zeros((R, n)), np.zeros((R, n))
    sites = {1: model.s1, 2: model.s2}
    for r, (i, j, k) in enumerate(PAIR_G2_TERMS):
        table = model.regression_table(i, j)
        for row in range(n):
            expr = sp.expand(table[row])
            a0[r, row] = complex(expr.subs({s: 0 for s in S})).real
            for col, sym in enumerate(S):
                A[r, row, col] = complex(expr.coeff(sym)).real
        cvec[r, model.moment_index(sites[i].raise_ * sites[j].lower) - 1] = 1.0
        w[r, k - 1] = 1.0
    Q = np.zeros((n, n))
    for p, q in PAIR_G2_DENOMINATOR:
        Q[p - 1, q - 1] += 1.0
    perm = []
    for op in model.operators:
        from symlight.algebra import dagger

        perm.append(model.moment_index(dagger(op)) - 1)
    return {"A": A, "a0": a0, "cvec": cvec, "w": w, "Q": Q, "conj_perm": np.array(perm)}


def render_driven_dipole_pair() -> str:
    """Source of ``codegen/generated/driven_dipole_pair.py`` (deterministic)."""
    from symlight.models.driven_pair_moments import driven_dipole_pair

    model = driven_dipole_pair()
    M, b = model.linear_system()
    args = list(model.symbols)
    names = [_identifier(a.name) for a in args]
    tables = pair_regression_tables(model)
    digest = hashlib.sha256()
    digest.update(sp.srepr(M).encode())
    digest.update(sp.srepr(b).encode())
    for key in sorted(tables):
        digest.update(key.encode() + np.ascontiguousarray(tables[key], dtype=float).tobytes())
    m_src = numpy_source(prepare(M, args), name="_M_kernel")
    b_src = numpy_source(prepare(list(b), args), name="_b_kernel")
    embedded = "\n\n\n".join(inspect.getsource(getattr(batched, n)).rstrip() for n in _EMBEDDED)
    # the public API below uses the name steady_state for the parameter form
    embedded = embedded.replace("def steady_state(", "def steady_state_of(").replace(
        " steady_state(M, b)", " steady_state_of(M, b)")
    consts = "\n".join(f"{n} = {getattr(batched, n)!r}" for n in _CONSTANTS)
    sig = ", ".join(names)
    tables_src = "\n".join(_array_literal(f"_{k.upper()}", v) for k, v in tables.items()
                           if k != "conj_perm")
    tables_src += f"\n_CONJ_PERM = numpy.array({[int(i) for i in tables['conj_perm']]!r})"
    return f'''"""Driven dipole-dipole pair: standalone M(params), b(params), steady state and g2(tau).

Derivation: seed 002_796c9b23bedf2618.txt -- master equation (40), Hamiltonian (41)-(44) in the
rotating frame, the 15 moment equations of Appendix B (Eqs. (48)-(62)) re-derived by
symlight.models.driven_dipole_pair (units Gamma = gamma_11 = gamma_22 = 1); steady state
Eq. (16); quantum regression Eq. (18) with the Appendix C tables; g2 estimator Eqs. (12)/(15)
(single-atom terms dropped, as in the paper).
Generated by symlight {__version__} (`symlight codegen driven_dipole_pair`). Do not edit by hand.
Content hash (M, b, regression tables): sha256:{digest.hexdigest()}
Imports only NumPy. Parameters: {sig} (Omega complex, the others real); numbers or 1-D arrays of
one length P (results then gain a leading axis of length P).
"""

import numpy

np = numpy

PARAMETERS = {tuple(names)!r}

{consts}


# ---- generated kernels (sympy.cse + NumPy printer) ------------------------------------------

{m_src}

{b_src}

# ---- regression tables (Appendix C) and the g2 estimator (Eqs. (12), (15)) ------------------

{tables_src}


# ---- batched solvers, copied from symlight.kernels.batched ----------------------------------

{embedded}


# ---- public API --------------------------------------------------------------------------


def M({sig}):
    """Moment matrix M of dS/dt = M S + b: shape (15, 15) or (P, 15, 15)."""
    return _M_kernel({sig})


def b({sig}):
    """Inhomogeneity b of dS/dt = M S + b: shape (15,) or (P, 15)."""
    return _b_kernel({sig})


def _batch({sig}):
    Mx, bx = M({sig}), b({sig})
    single = Mx.ndim == 2
    if single:
        Mx, bx = Mx[None], bx[None]
    return Mx, bx, single


def steady_state({sig}):
    """S_ss = -M^-1 b, Eq. (16): shape (15,) or (P, 15)."""
    Mx, bx, single = _batch({sig})
    s = steady_state_of(Mx, bx)
    return s[0] if single else s


def g2(taus, {sig}, cond_max=COND_MAX):
    """g2(tau) of Eqs. (12)/(15) on the grid taus: shape (T,) or (P, T).

    One eigendecomposition per pair (real eigensolver via the conjugation symmetry of the
    moments); pairs with an ill-conditioned eigenbasis use a scaling-and-squaring exponential.
    """
    taus = numpy.asarray(taus, dtype=float).reshape(-1)
    Mx, bx, single = _batch({sig})
    vals = _g2_core(Mx, bx, _A, _A0, _CVEC, _W, _Q, _CONJ_PERM, taus, cond_max)[0].real
    return vals[0] if single else vals
'''


def render(name: str) -> str:
    """Rendered source of the standalone module ``name``."""
    if name != "driven_dipole_pair":
        raise InputError(f"no standalone module {name!r}; available: driven_dipole_pair")
    return render_driven_dipole_pair()


def write_driven_dipole_pair(out_dir: Path, backend: str = "numpy") -> list[Path]:
    """``symlight codegen`` entry: write ``driven_dipole_pair.py`` (atomically).

    ``out_dir`` is the codegen package (the CLI default; the module goes to ``generated/``) or
    any other directory (the module goes straight into it).
    """
    from symlight.io import atomic_write_text

    if backend != "numpy":
        raise InputError(f"standalone modules import only NumPy; backend {backend!r} is for "
                         "in-process kernels (symlight.kernels.generate(..., backend='c'))")
    out_dir = Path(out_dir)
    if (out_dir / "__init__.py").exists() and (out_dir / "generated").is_dir():
        out_dir = out_dir / "generated"
    path = out_dir / "driven_dipole_pair.py"
    atomic_write_text(path, render("driven_dipole_pair"))
    return [path]
