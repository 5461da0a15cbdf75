"""The report page: summary, one section per paper (claims, discrepancies, figures), footer.

Pure functions from TopicResult records to HTML text. The page is self-contained and static:
no script, no CDN, no web font; formulas and figures are files beside it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from symlight.report.forms import difference, to_latex
from symlight.report.mathrender import MathRenderer
from symlight.report.results import VERDICTS, TopicResult

#: Image formats shown inline; other figure files (data, PDF) are linked.
IMAGE_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp")

CSS = """
:root{--ok:#1a7f37;--bad:#b42318;--unk:#9a6700;--line:#d0d7de;--soft:#f6f8fa}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;
 color:#1f2328;max-width:78em;margin:0 auto;padding:1em 1.5em 4em}
h1{margin-bottom:.2em}h2{border-bottom:2px solid var(--line);padding-bottom:.2em;margin-top:2.2em}
h3{margin-top:1.6em}
code,pre{font-family:"DejaVu Sans Mono",monospace;font-size:.9em;background:var(--soft);
 padding:0 .25em;border-radius:3px}
pre{padding:.6em;overflow-x:auto;white-space:pre-wrap}
.meta{color:#57606a;font-size:.92em}
table{border-collapse:collapse;margin:.6em 0}
th,td{border:1px solid var(--line);padding:.3em .55em;vertical-align:top;text-align:left}
th{background:var(--soft)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.claims{width:100%}
table.claims td.eq{white-space:nowrap;font-weight:bold}
table.claims td.evidence{font-size:.88em;color:#424a53;width:36%;overflow-wrap:anywhere}
tr.discrepancy td{background:#fff1f0}tr.inconclusive td{background:#fff8e1}
.badge{display:inline-block;border-radius:1em;padding:0 .6em;font-size:.85em;font-weight:bold;
 color:#fff;white-space:nowrap}
.badge.confirmed{background:var(--ok)}.badge.discrepancy{background:var(--bad)}
.badge.inconclusive{background:var(--unk)}.badge.failed{background:#6e40c9}
.badge.unavailable{background:#8c959f}.badge.ok{background:var(--ok)}
td.zero{color:#8c959f}
.failbox{border:2px solid #6e40c9;background:#fbefff;padding:.6em 1em;border-radius:6px}
.banner{border:2px solid var(--bad);background:#fff1f0;padding:.6em 1em;border-radius:6px}
.card{border:1px solid var(--line);border-left:5px solid var(--bad);border-radius:6px;
 padding:.6em 1em;margin:1em 0}
.card.inconclusive{border-left-color:var(--unk)}
.sidebyside{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.5em 0}
.sidebyside>div{background:var(--soft);border-radius:4px;padding:.5em;overflow-x:auto}
.label{font-size:.8em;text-transform:uppercase;letter-spacing:.05em;color:#57606a;display:block}
img.math{vertical-align:middle;max-width:none}
img.math.inline{vertical-align:-0.25em}
.forms{margin-top:.3em}.forms>div{max-width:46em;overflow-x:auto;padding:.2em 0}
.card ul{overflow-x:auto}
span.matrix{display:inline-flex;align-items:stretch;vertical-align:middle}
span.matrix .bracket{font-size:2.2em;font-weight:200;align-self:center}
table.matrix{margin:0}table.matrix td{border:none;padding:.1em .4em;text-align:center;vertical-align:middle}
.latex-src{display:inline-block;max-width:100%;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
figure.repro{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2em;
 border:1px solid var(--line);border-radius:6px;padding:.8em;margin:1em 0}
figure.repro img{max-width:100%;height:auto;border:1px solid #eee}
figure.repro figcaption{font-size:.93em}
details summary{cursor:pointer;color:#0969da}
a{color:#0969da}
.regen{font-size:.88em}
@media (max-width:900px){.sidebyside,figure.repro{grid-template-columns:1fr}}
"""


RUN_TIME_NOTE = "topics run in parallel: the total is a sum, not the wall time"


@dataclass
class ReportMeta:
    """Facts about the run shown in the header and footer."""

    command: str
    out_display: str
    generated: str
    seconds: float
    versions: str


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "x"


def _badge(word: str) -> str:
    return f'<span class="badge {_e(word)}">{_e(word)}</span>'


def _number(value: Any) -> str:
    try:
        z = complex(value)
    except (TypeError, ValueError):
        return str(value)
    if z.imag == 0:
        return f"{z.real:.6g}"
    return f"{z.real:.6g}{z.imag:+.6g}i"


def _seconds(value: float) -> str:
    return f"{value:.1f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"


def check_command(topic: str) -> str:
    return f"symlight check {topic}"


def reproduce_command(topic: str, out_display: str) -> str:
    return f"symlight reproduce {topic} --out {out_display}"


def summary_html(results: Sequence[TopicResult]) -> str:
    """The table at the top: claims per verdict per topic, status, run time."""
    rows = []
    totals = dict.fromkeys(VERDICTS, 0)
    for res in results:
        counts = res.counts()
        for v in VERDICTS:
            totals[v] += counts[v]
        cells = "".join(
            f'<td class="num{" zero" if not counts[v] else ""}">{counts[v]}</td>' for v in VERDICTS)
        status = "failed" if res.failed else res.status
        rows.append(
            f'<tr><td><a href="#topic-{_slug(res.topic)}">{_e(res.topic)}</a></td>'
            f"<td>{_e(res.source)}</td>{cells}<td class='num'>{len(res.claims)}</td>"
            f"<td class='num'>{len(res.figures)}</td><td>{_badge(status)}</td>"
            f"<td class='num'>{_seconds(res.seconds)}</td></tr>")
    total_cells = "".join(f'<td class="num">{totals[v]}</td>' for v in VERDICTS)
    rows.append(f"<tr><th colspan='2'>all topics</th>{total_cells}"
                f"<td class='num'>{sum(totals.values())}</td>"
                f"<td class='num'>{sum(len(r.figures) for r in results)}</td><td></td>"
                f"<td class='num'>{_seconds(sum(r.seconds for r in results))}</td></tr>")
    head = "".join(f"<th>{_badge(v)}</th>" for v in VERDICTS)
    return ("<table class='summary' id='summary'><tr><th>topic</th><th>seed paper</th>"
            f"{head}<th>claims</th><th>figures</th><th>status</th>"
            f"<th title='{RUN_TIME_NOTE}'>run time</th></tr>"
            + "".join(rows) + "</table>")


def _forms_html(claim: Any, math: MathRenderer) -> str:
    printed, derived = to_latex(getattr(claim, "printed", None)), to_latex(getattr(claim, "derived", None))
    if not printed and not derived:
        return ""
    parts = []
    if printed:
        parts.append(f"<div><span class='label'>printed</span>{math.html(printed)}</div>")
    if derived:
        parts.append(f"<div><span class='label'>derived</span>{math.html(derived)}</div>")
    return f"<details class='forms'><summary>forms</summary>{''.join(parts)}</details>"


def _claim_id(topic: str, index: int, claim: Any) -> str:
    return f"{_slug(topic)}-{index}-eq-{_slug(str(getattr(claim, 'equation', '')))}"


def claims_table_html(res: TopicResult, math: MathRenderer) -> str:
    """The claims table of one topic: equation, statement (with forms), verdict, evidence, time."""
    if not res.claims:
        return "<p>No claims.</p>"
    rows = []
    for i, claim in enumerate(res.claims):
        verdict = str(getattr(claim, "verdict", "inconclusive"))
        cid = _claim_id(res.topic, i, claim)
        statement = math.text(str(getattr(claim, "statement", "")))
        if verdict in ("discrepancy", "inconclusive"):
            extra = f"<div class='regen'><a href='#{cid}-card'>printed and derived side by side ↓</a></div>"
        else:
            extra = _forms_html(claim, math)
        seconds = float(getattr(claim, "seconds", 0.0) or 0.0)
        rows.append(
            f"<tr class='{_e(verdict)}' id='{cid}'><td class='eq'>({_e(getattr(claim, 'equation', ''))})</td>"
            f"<td>{statement}{extra}</td><td>{_badge(verdict)}</td>"
            f"<td class='evidence'>{_e(getattr(claim, 'evidence', ''))}</td>"
            f"<td class='num'>{_seconds(seconds) if seconds > 0 else '—'}</td></tr>")
    return ("<table class='claims'><tr><th>eq.</th><th>claim</th><th>verdict</th><th>evidence</th>"
            "<th>time</th></tr>" + "".join(rows) + "</table>")


def discrepancy_card_html(res: TopicResult, index: int, claim: Any, math: MathRenderer) -> str:
    """Printed and derived forms side by side, what the print changes, and the evidence."""
    verdict = str(getattr(claim, "verdict", ""))
    cid = _claim_id(res.topic, index, claim)
    printed = to_latex(getattr(claim, "printed", None))
    derived = to_latex(getattr(claim, "derived", None))
    body = [f"<h4>Eq. ({_e(claim.equation)}) {_badge(verdict)}</h4>",
            f"<p>{math.text(str(claim.statement))}</p>"]
    if printed or derived:
        body.append(
            "<div class='sidebyside'>"
            f"<div><span class='label'>printed in the paper</span>{math.html(printed) or '—'}</div>"
            f"<div><span class='label'>derived by symlight</span>{math.html(derived) or '—'}</div>"
            "</div>")
    diff = difference(getattr(claim, "printed", None), getattr(claim, "derived", None))
    if diff is not None and (diff.entries or diff.note):
        items = "".join(
            f"<li>{_e(label) + ': ' if label else ''}"
            f"{math.html(tex) if tex else '(too long to show)'}</li>"
            for label, tex in diff.entries)
        note = f"<p class='meta'>{_e(diff.note)}</p>" if diff.note else ""
        body.append("<div><span class='label'>what the print changes: printed − derived</span>"
                    f"<ul>{items}</ul>{note}</div>")
    point = (getattr(claim, "details", None) or {}).get("point")
    if point:
        text = ", ".join(f"{k} = {_number(v)}" for k, v in point.items())
        body.append(f"<p class='meta'>Worst sample point: {_e(text)}</p>")
    body.append(f"<p><span class='label'>evidence</span>{_e(claim.evidence)}</p>")
    return f"<div class='card {_e(verdict)}' id='{cid}-card'>{''.join(body)}</div>"


def figure_html(fig: Any, rel: str, topic: str, out_display: str, math: MathRenderer) -> str:
    """A reproduced figure (file ``rel``, relative to the page) beside the paper's caption."""
    suffix = Path(rel).suffix.lower()
    name = _e(getattr(fig, "name", ""))
    if rel and suffix in IMAGE_SUFFIXES:
        media = f"<a href='{_e(rel)}'><img src='{_e(rel)}' alt='{name}' loading='eager'></a>"
    elif rel:
        media = f"<p>Data file: <a href='{_e(rel)}'>{_e(Path(rel).name)}</a></p>"
    else:
        media = f"<p class='failbox'>The figure file {_e(getattr(fig, 'path', ''))} was not written.</p>"
    command = getattr(fig, "command", "") or reproduce_command(topic, out_display)
    notes = "".join(f"<li>{math.text(str(n))}</li>" for n in (getattr(fig, "notes", None) or []))
    notes_html = f"<ul>{notes}</ul>" if notes else ""
    return (f"<figure class='repro'><div>{media}</div><figcaption><strong>{name}</strong>"
            f"<p>{math.text(str(getattr(fig, 'caption', '')))}</p>{notes_html}"
            f"<p class='meta'>Run time {_seconds(float(getattr(fig, 'seconds', 0.0) or 0.0))}. "
            f"Regenerate: <code>{_e(command)}</code></p></figcaption></figure>")


def section_html(res: TopicResult, meta: ReportMeta, math: MathRenderer) -> str:
    """One paper: header, failure box, claims table, discrepancies, figures."""
    title = res.title or res.topic
    counts = res.counts()
    count_text = ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
    out = [f"<section id='topic-{_slug(res.topic)}'><h2>{_e(title)}</h2>",
           f"<p class='meta'>Topic <code>{_e(res.topic)}</code> · seed paper <code>{_e(res.source)}"
           f"</code> · claims {_seconds(res.claims_seconds)}, figures {_seconds(res.figures_seconds)}"
           f"</p>"]
    if res.status == "unavailable":
        out.append(f"<p>{_badge('unavailable')} {_e(res.claims_error)}</p></section>")
        return "".join(out)
    for label, err in (("claims()", res.claims_error), ("figures()", res.figures_error)):
        if err:
            trace = (f"<details><summary>traceback</summary><pre>{_e(res.trace)}</pre></details>"
                     if res.trace else "")
            out.append(f"<div class='failbox'>{_badge('failed')} <strong>{_e(label)} failed:</strong> "
                       f"<code>{_e(err)}</code>{trace}</div>")
    out.append(f"<h3>Claims ({len(res.claims)}: {count_text})</h3>")
    out.append(f"<p class='regen'>Regenerate: <code>{_e(check_command(res.topic))}</code> "
               f"(JSON: <code>{_e(check_command(res.topic))} --json claims.json</code>)</p>")
    out.append(claims_table_html(res, math) if res.claims else "<p>No claims.</p>")
    flagged = [(i, c) for i, c in enumerate(res.claims)
               if str(getattr(c, "verdict", "")) in ("discrepancy", "inconclusive")]
    if flagged:
        out.append(f"<h3>Discrepancies and open questions ({len(flagged)})</h3>")
        out.extend(discrepancy_card_html(res, i, c, math) for i, c in flagged)
    if res.figures:
        out.append(f"<h3>Reproduced figures ({len(res.figures)})</h3>")
        out.append(f"<p class='regen'>Regenerate all: <code>"
                   f"{_e(reproduce_command(res.topic, meta.out_display))}</code></p>")
        files = list(res.figure_files) + [""] * (len(res.figures) - len(res.figure_files))
        out.extend(figure_html(f, rel, res.topic, meta.out_display, math)
                   for f, rel in zip(res.figures, files, strict=True))
    out.append("</section>")
    return "".join(out)


def page_html(results: Sequence[TopicResult], meta: ReportMeta, math: MathRenderer,
              on_section: Callable[[str], None] | None = None) -> str:
    """The whole report page; ``on_section(topic)`` is called after each section is typeset."""
    failed = [r.topic for r in results if r.failed]
    banner = ""
    if failed:
        links = ", ".join(f"<a href='#topic-{_slug(t)}'>{_e(t)}</a>" for t in failed)
        banner = (f"<p class='banner'><strong>{len(failed)} topic(s) failed inside symlight:</strong> "
                  f"{links}. The other topics are reported in full below.</p>")
    parts = []
    for res in results:
        parts.append(res.section or section_html(res, meta, math))
        if on_section is not None:
            on_section(res.topic)
    sections = "".join(parts)
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        "<link rel='icon' href='data:,'>"
        f"<title>symlight report</title><style>{CSS}</style></head><body>"
        "<h1>symlight report</h1>"
        f"<p class='meta'>Generated {_e(meta.generated)} in {_seconds(meta.seconds)} by "
        f"<code>{_e(meta.command)}</code> · {_e(meta.versions)}</p>"
        "<p>Each printed equation of the seed papers is a claim: symlight re-derives it and "
        "computes a verdict (<em>confirmed</em>, <em>discrepancy</em> or <em>inconclusive</em>) "
        "with its evidence. All claims as JSON: <a href='claims.json'>claims.json</a>.</p>"
        f"{banner}<h2 id='summary-h'>Summary</h2>{summary_html(results)}{sections}"
        "</body></html>\n")
