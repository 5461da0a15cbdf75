"""Operator atoms: bosonic and fermionic modes (discrete or continuous labels) and two-level atoms.

Atoms are non-commutative SymPy expressions, so products, sums, substitution, printing and LaTeX
work as usual; ``normal_order`` (symlight.algebra.ordering) turns any polynomial in them into its
unique canonical form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import sympy
from sympy.core.symbol import Str
from sympy.core.sympify import SympifyError

from symlight.errors import AlgebraError, describe

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_SIGMA_KINDS = ("eg", "ge", "ee", "gg", "z")


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise AlgebraError(
            f"operator name {describe(name)} is not valid: use a string of letters, digits and "
            "underscores starting with a letter, e.g. 'a', 'phi', 'sigma_b'")
    return name


def _label_tuple(label: Any) -> sympy.Tuple:
    """Normalise a label (None, a number/Symbol/expression, or a tuple of them) to a Tuple."""
    if label is None:
        return sympy.Tuple()
    items = label if isinstance(label, (tuple, list, sympy.Tuple)) else (label,)
    out = []
    for item in items:
        if isinstance(item, str):
            if not _NAME.match(item):
                raise AlgebraError(
                    f"label {item!r} is not valid: use an integer, a SymPy expression, or a plain "
                    "name of letters, digits and underscores (it becomes a Symbol)")
            out.append(sympy.Symbol(item))
            continue
        try:
            value = sympy.sympify(item, strict=True)
        except (SympifyError, TypeError) as exc:
            raise AlgebraError(f"label {describe(item)} is not an integer or SymPy expression") from exc
        if not value.is_commutative or isinstance(value, Op):
            raise AlgebraError(f"label {describe(item)} must be a commutative scalar expression")
        out.append(value)
    return sympy.Tuple(*out)


def _label_text(label: sympy.Tuple, printer: Any = None) -> str:
    if printer is None:
        return ",".join(str(x) for x in label)
    return ",".join(printer._print(x) for x in label)


class Op(sympy.Expr):
    """Base class of operator atoms (non-commutative SymPy expressions)."""

    is_commutative = False
    kind = "op"

    @property
    def dag(self) -> Op:
        """The Hermitian adjoint of this atom."""
        return self._adjoint_atom()

    def _adjoint_atom(self) -> Op:  # pragma: no cover - abstract
        raise NotImplementedError

    def _eval_adjoint(self) -> Op:
        return self._adjoint_atom()

    def _eval_power(self, exponent: Any) -> None:
        if not (exponent.is_Integer and exponent >= 0):
            raise AlgebraError(
                f"power {exponent} of operator {self} is not defined: operator powers must be "
                "non-negative integers")
        return None


class ModeOp(Op):
    """A bosonic or fermionic mode operator a_k or a_k† (args: name, label, dagger, continuous, weight).

    ``continuous`` modes contract to Dirac deltas, discrete ones to Kronecker deltas; ``weight``
    (a Lambda of the label, default 1) multiplies the contraction, e.g. {σ(x), σ†(y)} =
    δ(x − y)/ρ(x) for seed 000_afe20a70b32bac1d.txt, Eqs. (8)–(10).
    """

    statistics = "boson"

    def __new__(cls, name: str, label: Any = None, dagger: bool = False,
                continuous: bool = False, weight: Any = sympy.S.One) -> ModeOp:
        name = _check_name(name if not isinstance(name, Str) else name.name)
        labels = _label_tuple(label)
        weight = sympy.sympify(weight)
        if not (weight == 1 or isinstance(weight, sympy.Lambda)):
            raise AlgebraError(f"weight {describe(weight)} must be 1 or a sympy.Lambda of the label")
        return super().__new__(cls, Str(name), labels, sympy.sympify(bool(dagger)),
                               sympy.sympify(bool(continuous)), weight)

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def label(self) -> sympy.Tuple:
        return self.args[1]

    @property
    def is_dagger(self) -> bool:
        return bool(self.args[2])

    @property
    def continuous(self) -> bool:
        return bool(self.args[3])

    @property
    def weight(self) -> sympy.Expr:
        return self.args[4]

    @property
    def free_symbols(self) -> set[sympy.Basic]:
        return set().union(*(x.free_symbols for x in self.label)) if self.label else set()

    @property
    def mode_key(self) -> tuple:
        """Identity of the mode this atom acts on (name and label)."""
        return (self.statistics, self.name, self.label)

    def _adjoint_atom(self) -> ModeOp:
        return type(self)(self.name, tuple(self.label), not self.is_dagger, self.continuous,
                          self.weight)

    def contraction(self, other: ModeOp) -> sympy.Expr:
        """[self, other] (bosons) or {self, other} (fermions) for self = a, other = a†."""
        if len(self.label) != len(other.label):
            raise AlgebraError(f"labels of {self} and {other} have different lengths")
        value: sympy.Expr = sympy.S.One
        for x, y in zip(self.label, other.label, strict=True):
            value *= sympy.DiracDelta(x - y) if self.continuous else sympy.KroneckerDelta(x, y)
        if self.weight != 1:
            value *= self.weight(*self.label)
        return value

    def _sympystr(self, printer: Any) -> str:
        lab = f"_{_label_text(self.label, printer)}" if self.label else ""
        if self.continuous and self.label:
            lab = f"({_label_text(self.label, printer)})"
        return f"{self.name}{lab}{'†' if self.is_dagger else ''}"

    def _latex(self, printer: Any) -> str:
        base = printer._print(sympy.Symbol(self.name))
        dag = "^{\\dagger}" if self.is_dagger else ""
        if not self.label:
            return f"{{{base}{dag}}}"
        lab = _label_text(self.label, printer)
        if self.continuous:
            return f"{{{base}{dag}\\left({lab}\\right)}}"
        return f"{{{base}{dag}_{{{lab}}}}}"


class BosonOp(ModeOp):
    """Bosonic mode operator: [a_k, a_q†] = δ_kq (discrete) or δ(k − q) (continuous)."""

    statistics = "boson"
    kind = "boson"


class FermionOp(ModeOp):
    """Fermionic mode operator: {c_k, c_q†} = δ_kq or δ(k − q); all fermion modes anticommute."""

    statistics = "fermion"
    kind = "fermion"


class SigmaOp(Op):
    """A two-level-atom operator on a labelled site: σ⁺ = |e⟩⟨g| ('eg'), σ⁻ ('ge'), |e⟩⟨e|, |g⟩⟨g|, σᶻ.

    σᶻ carries its normalisation: ``zscale`` 1 gives σᶻ = |e⟩⟨e| − |g⟩⟨g| (Pauli), 1/2 gives
    (|e⟩⟨e| − |g⟩⟨g|)/2 (spin-1/2).
    """

    kind = "twolevel"

    def __new__(cls, name: str, site: Any, which: str, zscale: Any = sympy.S.One) -> SigmaOp:
        name = _check_name(name if not isinstance(name, Str) else name.name)
        which = which.name if isinstance(which, Str) else which
        if which not in _SIGMA_KINDS:
            raise AlgebraError(f"two-level operator kind {which!r}; valid: {', '.join(_SIGMA_KINDS)}")
        labels = _label_tuple(site)
        if len(labels) != 1:
            raise AlgebraError(f"a two-level site needs exactly one label, got {describe(site)}")
        # the σz normalisation only matters for σz itself: other kinds are the same operator
        scale = sympy.sympify(zscale) if which == "z" else sympy.S.One
        return super().__new__(cls, Str(name), labels, Str(which), scale)

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def site(self) -> sympy.Expr:
        return self.args[1][0]

    @property
    def which(self) -> str:
        return self.args[2].name

    @property
    def zscale(self) -> sympy.Expr:
        return self.args[3]

    @property
    def free_symbols(self) -> set[sympy.Basic]:
        return set(self.site.free_symbols)

    @property
    def mode_key(self) -> tuple:
        return ("twolevel", self.name, self.args[1])

    def _adjoint_atom(self) -> SigmaOp:
        swap = {"eg": "ge", "ge": "eg"}
        return SigmaOp(self.name, self.site, swap.get(self.which, self.which), self.zscale)

    _STR = {"eg": "+", "ge": "-", "ee": "ee", "gg": "gg", "z": "z"}

    def _sympystr(self, printer: Any) -> str:
        return f"{self.name}{self._STR[self.which]}_{printer._print(self.site)}"

    def _latex(self, printer: Any) -> str:
        base = printer._print(sympy.Symbol(self.name))
        return f"{{{base}^{{{self._STR[self.which]}}}_{{{printer._print(self.site)}}}}}"


def Boson(name: str, label: Any = None, *, continuous: bool = False, weight: Any = 1) -> BosonOp:
    """Annihilation operator of a bosonic mode (``dagger`` or ``.dag`` gives the creator)."""
    return BosonOp(name, label, False, continuous, weight)


def Fermion(name: str, label: Any = None, *, continuous: bool = False, weight: Any = 1) -> FermionOp:
    """Annihilation operator of a fermionic mode (``dagger`` or ``.dag`` gives the creator)."""
    return FermionOp(name, label, False, continuous, weight)


class TwoLevel:
    """A two-level atom on a labelled site: ``.lower`` σ⁻, ``.raise_`` σ⁺, ``.z``, ``.ee``, ``.gg``.

    ``sz`` chooses the σᶻ normalisation explicitly: ``"pauli"`` (σᶻ = |e⟩⟨e| − |g⟩⟨g|, eigenvalues
    ±1) or ``"half"`` (eigenvalues ±1/2). σ±² = 0 and σ⁻σ⁺ = 1 − σ⁺σ⁻ hold by construction.
    """

    def __init__(self, site: Any, name: str = "sigma", sz: str = "pauli") -> None:
        if sz not in ("pauli", "half"):
            raise AlgebraError(f"sz normalisation {sz!r}; valid: 'pauli' or 'half'")
        self.site = site
        self.name = name
        self.sz = sz
        scale = sympy.S.One if sz == "pauli" else sympy.Rational(1, 2)
        self.lower = SigmaOp(name, site, "ge", scale)
        self.raise_ = SigmaOp(name, site, "eg", scale)
        self.ee = SigmaOp(name, site, "ee", scale)
        self.gg = SigmaOp(name, site, "gg", scale)
        self.z = SigmaOp(name, site, "z", scale)

    # common aliases
    @property
    def minus(self) -> SigmaOp:
        return self.lower

    @property
    def plus(self) -> SigmaOp:
        return self.raise_

    def __repr__(self) -> str:
        return f"TwoLevel({self.site!r}, name={self.name!r}, sz={self.sz!r})"


def atoms_of(expr: sympy.Basic) -> set[Op]:
    """All operator atoms in ``expr``."""
    return set(expr.atoms(Op))


def iter_ops(items: Iterable[Any]) -> Iterable[Op]:
    for item in items:
        yield from sympy.sympify(item).atoms(Op)
