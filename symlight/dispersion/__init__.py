"""Linearisation, Fourier substitution, dispersion matrices, determinants, branches, Hopfield weights.

Seed 001_acf7c75771656388.txt, Eqs. (82)-(90), (103)-(105).
"""

from symlight.dispersion.branches import track_roots
from symlight.dispersion.fourier import fourier_substitute
from symlight.dispersion.hopfield import coupled_modes
from symlight.dispersion.linearize import linearize
from symlight.dispersion.matrix import dispersion_matrix, dispersion_relation, row_scale, solve_frequency

__all__ = ["track_roots", "fourier_substitute", "coupled_modes", "linearize", "dispersion_matrix",
           "dispersion_relation", "row_scale", "solve_frequency"]
