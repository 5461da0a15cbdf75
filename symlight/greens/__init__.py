"""Dyadic Green tensors, transverse/longitudinal split, t-matrices, coupled-dipole matrices."""
