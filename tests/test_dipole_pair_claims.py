"""The thermal-pairs pair claims: full run (slow) and the cheap parts in the default run."""

from __future__ import annotations

import pytest

from derivations.thermal_pairs import pair_claims as pc
from symlight.checks import ClaimBook
from symlight.models import driven_dipole_pair


def test_tables_and_rotating_frame_verdicts():
    book = ClaimBook(pc.TOPIC, pc.SOURCE)
    pc._tables(book, driven_dipole_pair())
    pc._rotating_frame(book)
    verdicts = {c.equation: str(c.verdict) for c in book.claims}
    assert verdicts["44"] == "discrepancy"  # exp(+i omega_L t) on sigma+ leaves exp(2 i omega_L t)
    assert all(v == "confirmed" for k, v in verdicts.items() if k.startswith("C"))


@pytest.mark.slow
def test_all_pair_claims_computed():
    claims = pc.claims()
    bad = {(c.equation, str(c.verdict)) for c in claims if str(c.verdict) != "confirmed"}
    assert bad == {("50", "discrepancy"), ("54", "discrepancy"), ("55", "discrepancy"),
                   ("44", "discrepancy"), ("38", "discrepancy")}
    labels = {c.equation for c in claims}
    assert {str(n) for n in range(48, 63)} <= labels and {"5", "16", "18", "12", "38", "39"} <= labels
