"""Offline typesetting of LaTeX for the report: matplotlib mathtext to SVG, no CDN, no network.

Each formula becomes one SVG file (glyphs as paths, so the page needs no font at view time)
named by a hash of its source, so repeated formulas are rendered once. What mathtext cannot
parse is shown as its escaped LaTeX source instead: one formula never fails the report.
Matrices (``\\begin{matrix}``/``pmatrix``/``bmatrix``, which mathtext lacks) are laid out as an
HTML grid of rendered entries.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

#: Formulas longer than this (characters of LaTeX) are shown as source, not typeset.
MAX_RENDER_CHARS = 1500
#: Matrices with more entries than this are shown as source.
MAX_MATRIX_ENTRIES = 64

# Constructs mathtext does not know, rewritten to ones it does (display hints are dropped).
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\\(displaystyle|textstyle|scriptstyle|limits|nolimits)(?![A-Za-z])"), ""),
    (re.compile(r"\\[dt]frac(?![A-Za-z])"), r"\\frac"),
    (re.compile(r"\\(bigl|bigr|Bigl|Bigr|biggl|biggr|Biggl|Biggr|big|Big|bigg|Bigg)(?![A-Za-z])"), ""),
    (re.compile(r"\\mathrm\{\\?d\}"), "d"),
    (re.compile(r"\\quad(?![A-Za-z])"), r"\\ \\ "),
    (re.compile(r"\\qquad(?![A-Za-z])"), r"\\ \\ \\ \\ "),
    (re.compile(r"\\!"), ""),
    (re.compile(r"\\left\s*\.|\\right\s*\."), ""),
)

_MATRIX = re.compile(
    r"^\s*(?:\\left\s*(?P<open>[\[(|.]|\\\{|\\lbrack|\\langle)\s*)?"
    r"\\begin\{(?P<env>matrix|pmatrix|bmatrix|vmatrix|smallmatrix|array)\}(?:\{[^}]*\})?"
    r"(?P<body>.*?)\\end\{(?P=env)\}"
    r"\s*(?:\\right\s*(?P<close>[\])|.]|\\\}|\\rbrack|\\rangle))?\s*$",
    re.DOTALL,
)
_BRACKETS = {"pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "vmatrix": ("|", "|")}


def normalize_latex(source: str) -> str:
    """Rewrite LaTeX that mathtext cannot parse into an equivalent it can (best effort)."""
    text = source.strip()
    if len(text) >= 2 and text.startswith("$") and text.endswith("$"):
        text = text.strip("$").strip()
    for pattern, repl in _REWRITES:
        text = pattern.sub(repl, text)
    return text


def _split_matrix(latex: str) -> tuple[str, str, list[list[str]]] | None:
    """(open bracket, close bracket, rows of cell sources) for a lone matrix, else None."""
    match = _MATRIX.match(latex)
    if not match:
        return None
    env = match.group("env")
    opening, closing = _BRACKETS.get(env, ("", ""))
    opening = (match.group("open") or opening).replace("\\lbrack", "[").replace("\\{", "{")
    closing = (match.group("close") or closing).replace("\\rbrack", "]").replace("\\}", "}")
    opening = {".": "", "\\langle": "⟨"}.get(opening, opening)
    closing = {".": "", "\\rangle": "⟩"}.get(closing, closing)
    body = match.group("body").strip()
    if "\\begin{" in body:
        return None
    rows = [row for row in re.split(r"\\\\(?:\[[^]]*\])?", body) if row.strip()]
    cells = [[cell.strip() for cell in row.split("&")] for row in rows]
    return opening, closing, cells


def _finite(value: float) -> bool:
    return math.isfinite(float(value))


@dataclass
class MathRenderer:
    """Typesets LaTeX into HTML snippets: SVG files under ``root/subdir`` or inline SVG.

    ``inline=True`` embeds each SVG as a data URI (for Jupyter, where no file sits beside the
    page). ``fontsize`` is in points. Failures are counted in ``failures`` (source shown).
    """

    root: Path | None = None
    subdir: str = "math"
    inline: bool = False
    fontsize: float = 14.0
    rendered: dict[str, tuple[str, float] | None] = field(default_factory=dict)
    failures: int = 0

    def _svg(self, latex: str) -> tuple[bytes, float] | None:
        """(SVG document, depth below the baseline in pt) of one formula, or None if unparsable.

        One mathtext parse per formula (``TextPath``), glyphs and rules written as a single SVG
        path in points: no font needed at view time, and about half the cost of math_to_image.
        """
        import matplotlib

        matplotlib.use("Agg", force=False)
        from matplotlib.font_manager import FontProperties
        from matplotlib.path import Path as MplPath
        from matplotlib.textpath import TextPath

        try:
            path = TextPath((0, 0), f"${latex}$", size=self.fontsize, prop=FontProperties())
        except Exception:  # noqa: BLE001 - any parse/render failure falls back to the source
            return None
        ext = path.get_extents()
        if not (_finite(ext.width) and _finite(ext.height)) or ext.width <= 0:
            return None
        pad = 1.0
        top = max(ext.y1, 0.0) + pad
        bottom = min(ext.y0, 0.0) - pad
        width, height = ext.x1 - ext.x0 + 2 * pad, top - bottom

        # One pass over the vertex array: a command letter opens each segment (CURVE3 spans two
        # vertices, CURVE4 three), CLOSEPOLY closes; coordinates in pt with y pointing down.
        verts, codes = path.vertices, path.codes
        xs = verts[:, 0] - ext.x0 + pad
        ys = top - verts[:, 1]
        letters = {MplPath.MOVETO: "M", MplPath.LINETO: "L", MplPath.CURVE3: "Q", MplPath.CURVE4: "C"}
        span = {MplPath.CURVE3: 2, MplPath.CURVE4: 3}
        parts = []
        i, n = 0, len(verts)
        while i < n:
            code = int(codes[i]) if codes is not None else (MplPath.MOVETO if i == 0 else MplPath.LINETO)
            if code == MplPath.CLOSEPOLY:
                parts.append("Z")
                i += 1
                continue
            if code == MplPath.STOP:
                break
            k = span.get(code, 1)
            parts.append(letters.get(code, "L") + " ".join(
                f"{xs[j]:.2f} {ys[j]:.2f}" for j in range(i, min(i + k, n))))
            i += k
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.2f}pt" height="{height:.2f}pt" '
               f'viewBox="0 0 {width:.2f} {height:.2f}"><path fill="#1f2328" d="{"".join(parts)}"/></svg>')
        return svg.encode("ascii"), -bottom

    def _src(self, latex: str) -> tuple[str, float] | None:
        """(URL, depth in pt) of the rendered formula (file relative to ``root``, or data URI)."""
        if latex in self.rendered:
            return self.rendered[latex]
        rendered = self._svg(latex)
        if rendered is None:
            self.failures += 1
            self.rendered[latex] = None
            return None
        data, depth = rendered
        if self.inline or self.root is None:
            url = "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
        else:
            from symlight.io import atomic_write_bytes

            name = hashlib.sha1(latex.encode("utf-8")).hexdigest()[:16] + ".svg"
            path = Path(self.root) / self.subdir / name
            if not path.exists():  # parallel workers may write the same formula: atomically
                atomic_write_bytes(path, data)
                path.chmod(0o644)
            url = f"{self.subdir}/{name}"
        self.rendered[latex] = (url, depth)
        return url, depth

    @staticmethod
    def source_html(latex: str) -> str:
        """The escaped LaTeX source, for formulas mathtext could not typeset."""
        return f'<code class="latex-src" title="LaTeX source (not typeset)">{html.escape(latex)}</code>'

    def html(self, latex: str | None, *, css: str = "math") -> str:
        """HTML for one formula: a typeset image, a grid for a matrix, or the escaped source."""
        if latex is None:
            return ""
        source = normalize_latex(str(latex))
        if not source:
            return ""
        matrix = _split_matrix(source)
        if matrix is not None:
            opening, closing, cells = matrix
            if sum(len(row) for row in cells) <= MAX_MATRIX_ENTRIES:
                return self._matrix_html(opening, closing, cells)
        if len(source) > MAX_RENDER_CHARS:
            return self.source_html(str(latex))
        found = self._src(source)
        if found is None:
            return self.source_html(str(latex))
        url, depth = found
        alt = html.escape(str(latex), quote=True)
        return (f'<img class="{css}" src="{url}" alt="{alt}" title="{alt}" '
                f'style="vertical-align:-{depth:.1f}pt">')

    def _matrix_html(self, opening: str, closing: str, cells: list[list[str]]) -> str:
        width = max(len(row) for row in cells)
        rows = "".join(
            "<tr>" + "".join(f"<td>{self.html(cell) if cell else ''}</td>" for cell in row)
            + "<td></td>" * (width - len(row)) + "</tr>" for row in cells)
        return (f'<span class="matrix"><span class="bracket">{html.escape(opening)}</span>'
                f'<table class="matrix">{rows}</table>'
                f'<span class="bracket">{html.escape(closing)}</span></span>')

    def text(self, text: str) -> str:
        """Escape plain text, typesetting ``$...$`` segments inline (unpaired ``$`` kept as is)."""
        parts = re.split(r"(?<!\\)\$(.+?)(?<!\\)\$", text)
        out = []
        for i, part in enumerate(parts):
            if i % 2:
                out.append(self.html(part, css="math inline"))
            else:
                out.append(html.escape(part))
        return "".join(out)
