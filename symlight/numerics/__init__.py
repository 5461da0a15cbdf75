"""Numerics: quadrature with poles and log singularities, special functions, root tracking, units.

One module per concept; import from the module (e.g. ``symlight.numerics.quadrature``).
"""
