"""Independent matrix evaluation of operator expressions for the algebra tests.

Walks the raw SymPy expression tree (Add/Mul/Pow/atoms) and multiplies matrices, without using
the algebra's ordering code, so that normal_order, commutator, dagger, expectation can be checked
against matrix products. Its own embedding (Fock truncation, Pauli, Jordan-Wigner) is written
here from the definitions, and its defining relations are tested too.
"""

from __future__ import annotations

from functools import reduce

import numpy as np
import sympy

from symlight.algebra import ModeOp, Op, SigmaOp


class Space:
    """Tensor product of the modes in a fixed list: ('fermion'|'boson'|'twolevel', name, label)."""

    def __init__(self, modes, boson_dim=10):
        self.modes = list(modes)
        self.dims = [boson_dim if m[0] == "boson" else 2 for m in self.modes]
        self.boson_dim = boson_dim

    @property
    def size(self):
        return int(np.prod(self.dims))

    def atom(self, atom: Op) -> np.ndarray:
        n = self.modes.index(atom.mode_key)
        mats = [np.eye(d) for d in self.dims]
        if isinstance(atom, ModeOp):
            d = self.dims[n]
            a = np.zeros((d, d))
            for k in range(1, d):
                a[k - 1, k] = np.sqrt(k)  # a|k> = sqrt(k)|k-1>
            mats[n] = a.T if atom.is_dagger else a
            if atom.statistics == "fermion":
                for j, m in enumerate(self.modes[:n]):
                    if m[0] == "fermion":
                        mats[j] = np.diag([1.0, -1.0])  # (-1)^{n_j} string
        else:
            g, e = np.array([1.0, 0.0]), np.array([0.0, 1.0])
            proj = {"eg": np.outer(e, g), "ge": np.outer(g, e), "ee": np.outer(e, e),
                    "gg": np.outer(g, g)}
            if atom.which == "z":
                mats[n] = float(atom.zscale) * (proj["ee"] - proj["gg"])
            else:
                mats[n] = proj[atom.which]
        return reduce(np.kron, mats)

    def evaluate(self, expr) -> np.ndarray:
        expr = sympy.sympify(expr)
        if isinstance(expr, Op):
            return self.atom(expr)
        if expr.is_commutative:
            return complex(expr) * np.eye(self.size)
        if isinstance(expr, sympy.Add):
            return sum(self.evaluate(a) for a in expr.args)
        if isinstance(expr, sympy.Mul):
            out = np.eye(self.size, dtype=complex)
            for f in expr.args:
                out = out @ self.evaluate(f)
            return out
        if isinstance(expr, sympy.Pow):
            return np.linalg.matrix_power(self.evaluate(expr.base), int(expr.exp))
        raise TypeError(expr)

    def safe_columns(self, margin: int) -> np.ndarray:
        """Indices of basis states whose boson occupations are at most boson_dim - 1 - margin."""
        idx = np.indices(self.dims).reshape(len(self.dims), -1).T
        ok = np.ones(len(idx), bool)
        for j, m in enumerate(self.modes):
            if m[0] == "boson":
                ok &= idx[:, j] <= self.boson_dim - 1 - margin
        return np.nonzero(ok)[0]


def mode_keys(atoms):
    rank = {"fermion": 0, "boson": 1, "twolevel": 2}
    keys = {a.mode_key for a in atoms}
    return sorted(keys, key=lambda m: (rank[m[0]], m[1], sympy.default_sort_key(m[2])))


def random_polynomial(rng, pool, max_terms=4, max_len=3):
    """A random operator polynomial (raw, not normal ordered) with Gaussian-integer coefficients."""
    terms = []
    for _ in range(rng.integers(1, max_terms + 1)):
        coeff = sympy.Integer(int(rng.integers(-3, 4))) + sympy.I * int(rng.integers(-2, 3))
        word = [pool[int(i)] for i in rng.integers(0, len(pool), size=rng.integers(0, max_len + 1))]
        terms.append(coeff * sympy.Mul(*word) if word else coeff)
    return sympy.Add(*terms)


def sigma_pool(sites, name="sigma"):
    pool = []
    for s in sites:
        for which in ("eg", "ge", "ee", "gg", "z"):
            pool.append(SigmaOp(name, s, which))
    return pool
