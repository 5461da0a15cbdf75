"""Linearisation, Fourier substitution, dispersion matrices, determinants, branches, Hopfield weights."""
