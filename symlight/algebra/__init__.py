"""Operator algebra: bosons, fermions, two-level atoms and continuum fields as SymPy expressions.

Build expressions from the atoms (``Boson``, ``Fermion``, ``TwoLevel``) with SymPy arithmetic;
``normal_order`` gives the unique canonical form, ``commutator``/``anticommutator`` work on it,
``expectation`` turns operators into commutative ⟨·⟩ symbols, ``to_matrix`` gives a matrix
representation for independent numeric checks.
"""

from symlight.algebra.brackets import anticommutator, commutator, commutator_terms, dagger, dagger_terms
from symlight.algebra.expectation import Avg, avg_word, expectation
from symlight.algebra.hamiltonian import antihermitian_part, conserves, is_hermitian, require_hermitian
from symlight.algebra.modes import integral_bracket, mode_expansion
from symlight.algebra.operators import (
    Boson,
    BosonOp,
    Fermion,
    FermionOp,
    ModeOp,
    Op,
    SigmaOp,
    TwoLevel,
)
from symlight.algebra.ordering import (
    as_terms,
    canonical_terms,
    from_terms,
    multiply,
    normal_order,
    normal_word,
)
from symlight.algebra.representation import modes_of, to_matrix

__all__ = [
    "Avg",
    "Boson",
    "BosonOp",
    "Fermion",
    "FermionOp",
    "ModeOp",
    "Op",
    "SigmaOp",
    "TwoLevel",
    "anticommutator",
    "antihermitian_part",
    "as_terms",
    "avg_word",
    "canonical_terms",
    "commutator",
    "commutator_terms",
    "conserves",
    "dagger",
    "dagger_terms",
    "expectation",
    "from_terms",
    "integral_bracket",
    "is_hermitian",
    "mode_expansion",
    "modes_of",
    "multiply",
    "normal_order",
    "normal_word",
    "require_hermitian",
    "to_matrix",
]
