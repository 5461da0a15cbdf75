"""Matrix representations for cross-checks: truncated Fock spaces, Pauli products, Jordan–Wigner.

Every symbolic identity of the algebra is tested against these (see tests/test_algebra_*.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import reduce
from typing import Any

import numpy as np
import sympy

from symlight.algebra.operators import ModeOp, Op
from symlight.algebra.ordering import as_terms, operand
from symlight.errors import AlgebraError

Mode = tuple  # (statistics, name, label)


def modes_of(*exprs: Any) -> list[Mode]:
    """The modes (fermions first, then bosons, then two-level sites), in a fixed order."""
    keys = set()
    for e in exprs:
        for atom in operand(e).atoms(Op):
            keys.add(atom.mode_key)
    rank = {"fermion": 0, "boson": 1, "twolevel": 2}
    return sorted(keys, key=lambda m: (rank[m[0]], m[1], sympy.default_sort_key(m[2])))


def _mode_dims(modes: Sequence[Mode], boson_dim: int, dims: Mapping[str, int] | None) -> list[int]:
    out = []
    for stat, name, _label in modes:
        if stat == "boson":
            out.append(int((dims or {}).get(name, boson_dim)))
        else:
            out.append(2)
    return out


def _local(atom: Op, dim: int) -> np.ndarray:
    if isinstance(atom, ModeOp):
        low = np.diag(np.sqrt(np.arange(1, dim, dtype=float)), 1)
        return low.T.copy() if atom.is_dagger else low
    e = np.zeros((2, 2))
    idx = {"e": 1, "g": 0}
    if atom.which == "z":
        return float(atom.zscale) * np.diag([-1.0, 1.0])
    e[idx[atom.which[0]], idx[atom.which[1]]] = 1.0
    return e


def to_matrix(expr: Any, *, modes: Sequence[Mode] | None = None, boson_dim: int = 6,
              dims: Mapping[str, int] | None = None, subs: Mapping[Any, Any] | None = None) -> np.ndarray:
    """Dense matrix of an operator polynomial on the tensor product of its modes.

    Bosons: truncated Fock space of ``boson_dim`` levels (identities hold only on states well
    inside the cut-off). Two-level sites: basis (|g⟩, |e⟩). Fermions: Jordan–Wigner with the
    fermion modes first. Coefficients must be numbers after ``subs``.
    """
    expr = operand(expr)
    modes = list(modes) if modes is not None else modes_of(expr)
    ds = _mode_dims(modes, boson_dim, dims)
    index = {m: n for n, m in enumerate(modes)}
    total = int(np.prod(ds)) if ds else 1
    fermion_slots = [n for n, m in enumerate(modes) if m[0] == "fermion"]
    ops_cache: dict[Op, np.ndarray] = {}

    def embed(atom: Op) -> np.ndarray:
        if atom in ops_cache:
            return ops_cache[atom]
        if atom.mode_key not in index:
            raise AlgebraError(f"operator {atom} acts on a mode not in the given modes list")
        n = index[atom.mode_key]
        factors = [np.eye(d) for d in ds]
        factors[n] = _local(atom, ds[n])
        if isinstance(atom, ModeOp) and atom.statistics == "fermion":
            if atom.continuous:
                raise AlgebraError(f"{atom}: continuous modes have no finite matrix representation")
            for j in fermion_slots:
                if j < n:
                    factors[j] = np.diag([1.0, -1.0])
        if isinstance(atom, ModeOp) and atom.continuous:
            raise AlgebraError(f"{atom}: continuous modes have no finite matrix representation")
        mat = reduce(np.kron, factors) if factors else np.eye(1)
        ops_cache[atom] = mat
        return mat

    result = np.zeros((total, total), dtype=complex)
    for word, c in as_terms(expr).items():
        if subs:
            c = c.subs(subs)
        try:
            value = complex(c)
        except TypeError as exc:
            raise AlgebraError(f"coefficient {c} is not a number; pass subs= for its symbols") from exc
        term = np.eye(total, dtype=complex)
        for atom in word:
            term = term @ embed(atom)
        result += value * term
    return result
