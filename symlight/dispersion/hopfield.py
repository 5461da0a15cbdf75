"""Hopfield weights of two coupled bare modes.

For bare frequencies ω_a, ω_b coupled through ``(ω² − ω_a²)(ω² − ω_b²) = g⁴`` (the form of
Eq. (87) of seed 001_acf7c75771656388.txt, g² = c_p² q²), the normal modes are the eigenvectors
of the real symmetric matrix [[ω_a², g²], [g², ω_b²]]; the squared components of each unit
eigenvector are the fractions of each bare mode (|u|² + |v|² = 1 by construction, and the
matrix eigenvalues are ω±²).
"""

from __future__ import annotations

import numpy as np

from symlight.errors import InputError

__all__ = ["coupled_modes"]


def coupled_modes(omega_a: np.ndarray, omega_b: np.ndarray, g2: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(ω₊², ω₋², |u|², |v|²) with |u|² the weight of mode a in the upper branch ω₊.

    In the lower branch the weights are swapped (|v|² of mode a). Arrays broadcast.
    """
    wa2 = np.asarray(omega_a, dtype=float) ** 2
    wb2 = np.asarray(omega_b, dtype=float) ** 2
    g2 = np.asarray(g2, dtype=float)
    if np.any(~np.isfinite(wa2)) or np.any(~np.isfinite(wb2)) or np.any(~np.isfinite(g2)):
        raise InputError("bare frequencies and coupling must be finite")
    shape = np.broadcast(wa2, wb2, g2).shape
    mats = np.zeros(shape + (2, 2))
    mats[..., 0, 0] = wa2
    mats[..., 1, 1] = wb2
    mats[..., 0, 1] = mats[..., 1, 0] = g2
    vals, vecs = np.linalg.eigh(mats)          # ascending: [..., 0] lower, [..., 1] upper
    upper = vecs[..., :, 1]
    return vals[..., 1], vals[..., 0], upper[..., 0] ** 2, upper[..., 1] ** 2
