"""Heisenberg and adjoint-Lindblad moment equations, closure, truncation, steady state, regression.

    sys = meanfield(ops, H, jumps, rates)   # d<O>/dt = <i[H,O] + L^dagger(O)>, rates may be a matrix
    sys = complete(sys)                     # close the set (exact for finite algebras)
    lin = linear_system(sys)                # dS/dt = M S + b as SymPy matrices
    reg = regression_vectors(sys, A, C)     # initial vectors of <A(0) S(tau) C(0)>
Numerics on batches of P parameter sets live in ``symlight.moments.numeric``.
"""

from symlight.moments.cumulants import cumulant_expansion, joint_cumulant, truncated_rhs
from symlight.moments.equations import (
    Generator,
    MomentSystem,
    complete,
    generator,
    meanfield,
    product_terms,
    word_expr,
    word_of,
)
from symlight.moments.linear import LinearSystem, linear_system
from symlight.moments.regression import RegressionVectors, regression_vectors

__all__ = [
    "Generator",
    "LinearSystem",
    "MomentSystem",
    "RegressionVectors",
    "complete",
    "cumulant_expansion",
    "generator",
    "joint_cumulant",
    "linear_system",
    "meanfield",
    "product_terms",
    "regression_vectors",
    "truncated_rhs",
    "word_expr",
    "word_of",
]
