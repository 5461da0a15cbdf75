"""Notebook display of claims: ``ClaimTable(claims)`` and per-claim HTML/LaTeX.

In Jupyter, ``ClaimTable(book.claims)`` shows the claims table with the printed and derived
forms typeset (inline SVG from matplotlib mathtext, no network); ``_repr_latex_`` gives a
MathJax/KaTeX-compatible ``array`` for front ends that prefer LaTeX.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from typing import Any

from symlight.report.forms import to_latex
from symlight.report.mathrender import MathRenderer
from symlight.report.results import VERDICTS

_COLOURS = {"confirmed": "#1a7f37", "discrepancy": "#b42318", "inconclusive": "#9a6700"}


def _text_latex(text: str) -> str:
    """Plain text made safe inside ``\\text{...}``."""
    out = str(text)
    for char, repl in (("\\", r"\backslash "), ("{", r"\{"), ("}", r"\}"), ("$", r"\$"),
                       ("%", r"\%"), ("&", r"\&"), ("#", r"\#"), ("_", r"\_"), ("^", r"\^{}"),
                       ("~", r"\~{}")):
        out = out.replace(char, repl)
    return out


def claim_latex(claim: Any) -> str:
    """LaTeX for one claim: label, verdict, statement, then printed and derived forms."""
    verdict = str(claim.verdict)
    lines = [rf"\text{{({_text_latex(claim.equation)}) {_text_latex(verdict)}: "
             rf"{_text_latex(claim.statement)}}}"]
    printed, derived = to_latex(claim.printed), to_latex(claim.derived)
    if printed:
        lines.append(rf"\text{{printed: }} {printed}")
    if derived:
        lines.append(rf"\text{{derived: }} {derived}")
    return "$$\\begin{array}{l}" + r" \\ ".join(lines) + r"\end{array}$$"


def _row_html(claim: Any, math: MathRenderer) -> str:
    verdict = str(claim.verdict)
    colour = _COLOURS.get(verdict, "#57606a")
    forms = []
    for label, obj in (("printed", claim.printed), ("derived", claim.derived)):
        tex = to_latex(obj)
        if tex:
            forms.append(f"<div><small>{label}</small> {math.html(tex)}</div>")
    return (f"<tr><td>{html.escape(str(claim.topic))}</td><td>({html.escape(str(claim.equation))})</td>"
            f"<td>{math.text(str(claim.statement))}{''.join(forms)}</td>"
            f"<td><b style='color:{colour}'>{html.escape(verdict)}</b></td>"
            f"<td><small>{html.escape(str(claim.evidence))}</small></td></tr>")


def claim_html(claim: Any, math: MathRenderer | None = None) -> str:
    """HTML for one claim (a one-row table with typeset forms)."""
    return ClaimTable([claim])._repr_html_(math)


class ClaimTable:
    """A list of claims that displays as a table in Jupyter (HTML with typeset forms, or LaTeX).

    ``ClaimTable(claims).counts()`` gives the claims per verdict; iteration and ``len`` work as
    on the list.
    """

    def __init__(self, claims: Iterable[Any]) -> None:
        self.claims = list(claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.claims)

    def __getitem__(self, index: int) -> Any:
        return self.claims[index]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICTS, 0)
        for claim in self.claims:
            out[str(claim.verdict)] = out.get(str(claim.verdict), 0) + 1
        return out

    def _summary(self) -> str:
        return ", ".join(f"{n} {v}" for v, n in self.counts().items())

    def _repr_html_(self, math: MathRenderer | None = None) -> str:
        math = math or MathRenderer(inline=True)
        rows = "".join(_row_html(c, math) for c in self.claims)
        return ("<table class='symlight-claims'><caption>"
                f"{len(self.claims)} claims: {html.escape(self._summary())}</caption>"
                "<tr><th>topic</th><th>eq.</th><th>claim</th><th>verdict</th><th>evidence</th></tr>"
                f"{rows}</table>")

    def _repr_latex_(self) -> str:
        rows = []
        for claim in self.claims:
            derived = to_latex(claim.derived)
            printed = to_latex(claim.printed)
            forms = " & ".join(f"{tex}" if tex else r"\text{—}" for tex in (printed, derived))
            rows.append(rf"\text{{({_text_latex(claim.equation)})}} & "
                        rf"\text{{{_text_latex(str(claim.verdict))}}} & "
                        rf"\text{{{_text_latex(claim.statement)}}} & {forms}")
        head = r"\text{eq.} & \text{verdict} & \text{claim} & \text{printed} & \text{derived}"
        return "$$\\begin{array}{lllll}" + head + r" \\ \hline " + r" \\ ".join(rows) + r"\end{array}$$"

    def __repr__(self) -> str:
        return f"ClaimTable({len(self.claims)} claims: {self._summary()})"
