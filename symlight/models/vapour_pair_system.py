"""Batched numerics of the 15-moment pair system of seed 002_796c9b23bedf2618.txt.

Given the linear system Ṡ = M S + b of Eq. (2) (as SymPy matrices: from the derived model's
``linear_system()`` or from the printed Eqs. (48)-(62)), ``LinearPairSystem`` stores it as
constant coefficient tensors, M = Σ_f C_f m_f(params), b = Σ_f d_f m_f(params), where m_f are the
monomials of the parameters (Ω1, Ω1*, Ω2, Ω2*, Δ1, Δ2, g12, γ12, ...). Evaluating a batch of P
pairs is then pure NumPy (no SymPy in worker processes; picklable for local and Dask sweeps).

``g2_parts`` returns, per pair, the numerator of Eq. (12) and the denominator of Eq. (15):

* steady state S_ss = -M⁻¹ b (Eq. (16));
* regression vectors X^{ij}(τ) = ⟨σi⁺(0) S(τ) σj⁻(0)⟩ of Eq. (18), with initial values
  X^{ij}(0) = P^{ij} S_ss where the 0/1 matrices P^{ij} are *derived* here from a 4×4 matrix
  representation (σi⁺ S_k σj⁻ is either 0 or one of the S_l; Appendix C);
* numerator G2(τ) = X^{12}_8 + X^{21}_7 + X^{22}_5 + X^{11}_6 (Eq. (12): the four two-atom terms);
* denominator G1G1 = 2 (S5 S6 + S7 S8) (Eq. (15), steady state: G1 is time independent).

With M = V Λ V⁻¹ the numerator is D + Σ_m a_m exp(λ_m τ), evaluated for all τ at once. Pairs with
an ill-conditioned eigen-expansion (it fails to reproduce N(0) to 1e-9, or its modes cancel by
more than ``CANCELLATION_LIMIT``) are recomputed with matrix exponentials
(scipy.linalg.expm), so near-degenerate pairs (identical atoms, Δ1 = Δ2) stay accurate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import scipy.linalg
import sympy

from symlight.errors import InputError, ModelError, describe

#: Operators S_1..S_15 of Eq. (3), as products of σ_i^± (sign, atom), left to right.
S_OPERATORS: tuple[tuple[tuple[str, int], ...], ...] = (
    (("+", 1),), (("-", 1),), (("+", 2),), (("-", 2),),
    (("+", 1), ("-", 1)), (("+", 2), ("-", 2)), (("+", 1), ("-", 2)), (("+", 2), ("-", 1)),
    (("+", 1), ("+", 2)), (("-", 1), ("-", 2)),
    (("+", 1), ("-", 1), ("-", 2)), (("+", 1), ("+", 2), ("-", 1)), (("+", 2), ("-", 1), ("-", 2)),
    (("+", 1), ("+", 2), ("-", 2)), (("+", 1), ("+", 2), ("-", 1), ("-", 2)),
)
#: (i, j, k): the numerator of Eq. (12) is Σ X^{ij}_k (k is 1-based, S_k at time τ).
NUMERATOR_TERMS: tuple[tuple[int, int, int], ...] = ((1, 2, 8), (2, 1, 7), (2, 2, 5), (1, 1, 6))
#: Pairs whose eigen-expansion has Σ|a_m| above this multiple of |D| (cancellation among modes)
#: are recomputed with matrix exponentials.
CANCELLATION_LIMIT = 1e6
PARAMETER_NAMES = ("Omega1", "Omega2", "Delta1", "Delta2", "g12", "gamma12")


def sigma_matrix(sign: str, atom: int) -> np.ndarray:
    """σ_atom^± on C² ⊗ C² (basis |g⟩=(1,0), |e⟩=(0,1) per atom; σ⁺ = |e⟩⟨g|)."""
    plus = np.array([[0.0, 0.0], [1.0, 0.0]])
    op = plus if sign == "+" else plus.T
    eye = np.eye(2)
    return np.kron(op, eye) if atom == 1 else np.kron(eye, op)


def s_matrices() -> list[np.ndarray]:
    """4×4 matrices of S_1..S_15."""
    out = []
    for factors in S_OPERATORS:
        m = np.eye(4)
        for sign, atom in factors:
            m = m @ sigma_matrix(sign, atom)
        out.append(m)
    return out


@cache
def regression_maps() -> dict[tuple[int, int], np.ndarray]:
    """P^{ij} (15×15, 0/1) with ⟨σi⁺ S_k σj⁻⟩ = Σ_l P^{ij}_{kl} S_l (derived on 4×4 matrices)."""
    mats = s_matrices()
    out = {}
    for i in (1, 2):
        for j in (1, 2):
            p = np.zeros((15, 15))
            for k, sk in enumerate(mats):
                o = sigma_matrix("+", i) @ sk @ sigma_matrix("-", j)
                if not np.any(o):
                    continue
                hits = [m for m, sl in enumerate(mats) if np.array_equal(o, sl)]
                if len(hits) != 1:
                    raise ModelError(f"σ{i}+ S{k + 1} σ{j}- is not one of S1..S15")
                p[k, hits[0]] = 1.0
            out[(i, j)] = p
    return out


def _generator_key(atom: sympy.Expr) -> tuple[str, bool]:
    if isinstance(atom, sympy.Symbol):
        return atom.name, False
    if isinstance(atom, sympy.conjugate) and isinstance(atom.args[0], sympy.Symbol):
        return atom.args[0].name, True
    raise ModelError(f"the pair system contains {atom} (only symbols and their conjugates are "
                     "supported as parameters)")


@dataclass
class LinearPairSystem:
    """Ṡ = M S + b as coefficient tensors: M = Σ_f C[f] m_f, b = Σ_f d[f] m_f.

    ``generators``: (parameter name, conjugated?) per generator; ``exponents``: (F, G) integer
    powers of the generators in each monomial m_f.
    """

    generators: tuple[tuple[str, bool], ...]
    exponents: np.ndarray
    C: np.ndarray
    d: np.ndarray
    label: str = ""

    @classmethod
    def from_sympy(cls, M: sympy.MatrixBase, b: sympy.MatrixBase, *, label: str = "",
                   rename: dict[str, str] | None = None) -> LinearPairSystem:
        """Build from SymPy (15×15, 15×1); ``rename`` maps symbol names to parameter names."""
        M, b = sympy.Matrix(M), sympy.Matrix(b)
        if M.shape != (15, 15) or b.shape not in ((15, 1), (1, 15)):
            raise ModelError(f"expected M 15×15 and b of 15 entries, got {M.shape} and {b.shape}")
        b = b.reshape(15, 1)
        exprs = [sympy.sympify(e) for e in list(M) + list(b)]
        gens: set[sympy.Expr] = set(_bare_symbols(exprs))
        for expr in exprs:
            gens |= set(expr.atoms(sympy.conjugate))
        gens = sorted(set(gens), key=sympy.default_sort_key)
        keys = [_generator_key(g) for g in gens]
        rename = rename or {}
        keys = [(rename.get(name, name), conj) for name, conj in keys]
        monomials: dict[tuple[int, ...], int] = {}
        entries: list[tuple[int, int, tuple[int, ...], complex]] = []
        for row in range(15):
            for col in range(16):
                expr = b[row, 0] if col == 15 else M[row, col]
                expr = sympy.expand(expr)
                if expr == 0:
                    continue
                poly = sympy.Poly(expr, *gens) if gens else None
                terms = poly.terms() if poly is not None else [((), expr)]
                for powers, coeff in terms:
                    value = complex(sympy.N(coeff))
                    if value == 0:
                        continue
                    monomials.setdefault(tuple(powers), len(monomials))
                    entries.append((row, col, tuple(powers), value))
        n_f = len(monomials)
        C = np.zeros((n_f, 15, 15), dtype=complex)
        d = np.zeros((n_f, 15), dtype=complex)
        for row, col, powers, value in entries:
            f = monomials[powers]
            if col == 15:
                d[f, row] += value
            else:
                C[f, row, col] += value
        exps = np.array(sorted(monomials, key=monomials.get), dtype=int).reshape(n_f, len(gens))
        return cls(tuple(keys), exps, C, d, label)

    @property
    def parameter_names(self) -> list[str]:
        return sorted({name for name, _ in self.generators})

    def monomials(self, params: dict[str, Any]) -> np.ndarray:
        """(P, F) values of the monomials for a batch of parameters (1-D arrays of length P)."""
        missing = [n for n in self.parameter_names if n not in params]
        if missing:
            raise InputError(f"parameters {missing} of the pair system {self.label!r} are missing; "
                             f"given {sorted(params)}")
        arrays = {n: np.atleast_1d(np.asarray(params[n])) for n in self.parameter_names}
        sizes = {a.shape[0] for a in arrays.values()} or {1}
        if len(sizes) != 1 or any(a.ndim != 1 for a in arrays.values()):
            raise InputError(f"parameters must be 1-D arrays of one length P; got shapes "
                             f"{ {n: a.shape for n, a in arrays.items()} }")
        (p,) = sizes
        if p == 0:
            raise InputError("no pairs: the parameter arrays are empty (need P >= 1)")
        vals = [np.conj(arrays[n]) if conj else arrays[n] for n, conj in self.generators]
        out = np.ones((p, self.exponents.shape[0]), dtype=complex)
        for g, v in enumerate(vals):
            powers = self.exponents[:, g]
            if np.any(powers):
                out *= v[:, None].astype(complex) ** powers[None, :]
        return out

    def matrices(self, params: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        """(M (P,15,15), b (P,15)) for a batch."""
        mono = self.monomials(params)
        return np.einsum("pf,fij->pij", mono, self.C), np.einsum("pf,fi->pi", mono, self.d)

    def as_payload(self) -> dict[str, Any]:
        """Plain data (numbers, strings, arrays) for sweep tasks and checkpoint keys."""
        return {"generators": [f"{n}{'*' if c else ''}" for n, c in self.generators],
                "exponents": self.exponents, "C": self.C, "d": self.d, "label": self.label}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> LinearPairSystem:
        gens = tuple((g.rstrip("*"), g.endswith("*")) for g in payload["generators"])
        return cls(gens, np.asarray(payload["exponents"]), np.asarray(payload["C"]),
                   np.asarray(payload["d"]), str(payload["label"]))


def _bare_symbols(exprs: list[sympy.Expr]) -> set[sympy.Symbol]:
    """Symbols that occur in ``exprs`` outside of a conjugate(...)."""
    dummy = sympy.Dummy()
    out: set[sympy.Symbol] = set()
    for expr in exprs:
        stripped = expr.replace(lambda e: isinstance(e, sympy.conjugate), lambda e: dummy)
        out |= stripped.free_symbols - {dummy}
    return out


@dataclass
class G2Parts:
    """Per pair: numerator(τ) of Eq. (12) (P,T), denominator of Eq. (15) (P,), S_ss (P,15)."""

    numerator: np.ndarray
    denominator: np.ndarray
    steady_state: np.ndarray
    expm_fallback: int = 0
    max_imag: float = 0.0

    @property
    def g2(self) -> np.ndarray:
        return self.numerator / self.denominator[:, None]


def _taus(taus: Any) -> np.ndarray:
    t = np.asarray(taus, dtype=float)
    if t.ndim != 1 or t.size == 0 or not np.all(np.isfinite(t)) or np.any(t < 0):
        raise InputError(f"taus {describe(taus)} must be a non-empty 1-D array of finite τ >= 0")
    return t


#: Conjugate pairs among S_1..S_15 (0-based): S2 = S1*, S4 = S3*, S8 = S7*, S10 = S9*, S12 = S11*,
#: S14 = S13*; S5, S6, S15 are real.
CONJUGATE_PAIRS = ((0, 1), (2, 3), (6, 7), (8, 9), (10, 11), (12, 13))


@cache
def real_basis() -> tuple[np.ndarray, np.ndarray]:
    """(T, T⁻¹) with x = T S real: x_a = (S_a + S_b)/2, x_b = (S_a - S_b)/(2i) for S_b = S_a*."""
    T = np.eye(15, dtype=complex)
    for a, b in CONJUGATE_PAIRS:
        T[a, a], T[a, b] = 0.5, 0.5
        T[b, a], T[b, b] = -0.5j, 0.5j
    return T, np.linalg.inv(T)


def _eig(M: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Batched eigen-decomposition; pairs whose M respects S ↔ S* symmetry use a real basis
    (real LAPACK, ~2.5× faster); the others (e.g. a printed system that breaks it) stay complex."""
    T, Tinv = real_basis()
    Mr = T @ M @ Tinv
    real_ok = np.max(np.abs(Mr.imag), axis=(1, 2)) <= 1e-12 * np.max(np.abs(Mr), axis=(1, 2))
    lam = np.empty(M.shape[:2], dtype=complex)
    vec = np.empty(M.shape, dtype=complex)
    if np.any(real_ok):
        lr, vr = np.linalg.eig(np.ascontiguousarray(Mr[real_ok].real))
        lam[real_ok], vec[real_ok] = lr, Tinv @ vr
    if not np.all(real_ok):
        lam[~real_ok], vec[~real_ok] = np.linalg.eig(M[~real_ok])
    return lam, vec


def _mode_sum(a: np.ndarray, lam: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Σ_m a_m exp(λ_m τ) for every τ; on a uniform grid by repeated multiplication (no exp)."""
    steps = np.diff(t)
    if t.size > 2 and np.allclose(steps, steps[0], rtol=1e-12, atol=0.0) and steps[0] > 0:
        z = np.exp(lam * steps[0])
        w = a * np.exp(lam * t[0])
        out = np.empty((a.shape[0], t.size), dtype=complex)
        for n in range(t.size):
            out[:, n] = w.sum(1)
            w *= z
        return out
    return np.einsum("gm,gmt->gt", a, np.exp(lam[:, :, None] * t[None, None, :]))


def g2_parts(system: LinearPairSystem, taus: Any, params: dict[str, Any]) -> G2Parts:
    """Numerator (12) and denominator (15) of g2(τ) for every pair of a batch (see module doc)."""
    t = _taus(taus)
    M, b = system.matrices(params)
    p = M.shape[0]
    try:
        s = -np.linalg.solve(M, b[:, :, None])[:, :, 0]
    except np.linalg.LinAlgError as exc:
        raise ModelError(f"the moment matrix M of {system.label!r} is singular for some pair; "
                         "no unique steady state (Eq. (16))") from exc
    maps = regression_maps()
    pops = {(1, 1): s[:, 4], (2, 2): s[:, 5], (1, 2): s[:, 6], (2, 1): s[:, 7]}
    den = 2.0 * (s[:, 4] * s[:, 5] + s[:, 6] * s[:, 7])
    # y_ij = X^{ij}(0) - c_ij S_ss: the part that decays as exp(M τ)
    ys = np.empty((p, 15, 4), dtype=complex)  # (P, 15, 4)
    for c, (i, j, _) in enumerate(NUMERATOR_TERMS):
        k_idx, l_idx = np.nonzero(maps[(i, j)])
        ys[:, :, c] = -pops[(i, j)][:, None] * s
        ys[:, k_idx, c] += s[:, l_idx]
    rows = [k - 1 for _, _, k in NUMERATOR_TERMS]
    lam, vec = _eig(M)
    num = np.empty((p, t.size), dtype=complex)
    try:
        w = np.linalg.solve(vec, ys)  # (P, 15, 4): V⁻¹ y
        a = np.einsum("ptm,pmt->pm", vec[:, rows, :], w)  # Σ_terms V[k_t, m] (V⁻¹ y_t)[m]
        # conditioning test: the expansion must reproduce N(0) - D = Σ_t y_t[k_t] without
        # catastrophic cancellation among the modes
        direct = sum(ys[:, rows[c], c] for c in range(4))
        size = np.abs(a).sum(1)
        scale = np.maximum(np.abs(den), size)
        good = (np.abs(a.sum(1) - direct) <= 1e-9 * scale) & (size <= CANCELLATION_LIMIT * np.abs(den))
        good &= np.all(np.isfinite(a), axis=1)
    except np.linalg.LinAlgError:
        good = np.zeros(p, dtype=bool)
    if np.any(good):
        num[good] = _mode_sum(a[good], lam[good], t)
    bad = np.flatnonzero(~good)
    for q in bad:
        for n_t, tau in enumerate(t):
            e = scipy.linalg.expm(M[q] * tau)
            num[q, n_t] = sum((e @ ys[q, :, c])[rows[c]] for c in range(4))
    num += den[:, None]
    scale = np.maximum(np.abs(den), 1e-300)
    max_imag = float(np.max(np.abs(num.imag) / scale[:, None])) if num.size else 0.0
    max_imag = max(max_imag, float(np.max(np.abs(den.imag) / scale)))
    return G2Parts(num.real.copy(), den.real.copy(), s, int(bad.size), max_imag)
