"""Weyl symbols, Wigner transforms, Moyal star product and sine bracket to any order in ħ.

Modules: ``bidiff`` (∇←/∇→ operators on products), ``moyal`` (⋆, sine/cosine brackets,
Poisson bracket), ``weyl`` (Weyl quantization, Wigner transforms of kernels), ``gaussian``
(exact Gaussian integrals), ``flows`` (first-order flows, Liouville). Seed
001_acf7c75771656388.txt, Eqs. (16)-(18), (31), (120).
"""

from symlight.phasespace.bidiff import D, apply, dot, left, right, series_of
from symlight.phasespace.flows import flow_divergence, hamiltonian_flow, jacobian_determinant
from symlight.phasespace.gaussian import integrate_gaussian
from symlight.phasespace.moyal import (
    cosine_bracket,
    poisson_bracket,
    poisson_operator,
    sine_bracket,
    sine_bracket_terms,
    star,
    star_terms,
)
from symlight.phasespace.weyl import compose_kernels, kernel_from_symbol, weyl_quantize, wigner_transform

__all__ = [
    "D", "apply", "dot", "left", "right", "series_of",
    "flow_divergence", "hamiltonian_flow", "jacobian_determinant",
    "integrate_gaussian",
    "cosine_bracket", "poisson_bracket", "poisson_operator", "sine_bracket", "sine_bracket_terms",
    "star", "star_terms",
    "compose_kernels", "kernel_from_symbol", "weyl_quantize", "wigner_transform",
]
