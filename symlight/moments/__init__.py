"""Heisenberg and adjoint-Lindblad moment equations, closure, truncation, steady state, regression."""
