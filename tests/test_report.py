"""The report of ``symlight reproduce``: content, offline assets, failures, interruption, Jupyter.

Uses the fake topics of ``tests/_report_fakes.py`` (the real derivations are not needed).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import sympy

from symlight import cli
from symlight.checks import ClaimBook
from symlight.report import ClaimTable, claim_html, claim_latex
from symlight.report.build import build_report
from symlight.report.forms import difference, to_latex
from symlight.report.mathrender import MathRenderer, normalize_latex
from tests import _report_fakes as fakes


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def _links(page: str) -> list[str]:
    return re.findall(r"""(?:src|href)=['"]([^'"]*)['"]""", page)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bool]:
    """One report over a good, a crashing and a not-yet-written fake topic."""
    mp = pytest.MonkeyPatch()
    fakes.install(mp, "fake-optics", "fake-broken", unavailable=("fake-later",))
    out = tmp_path_factory.mktemp("rep") / "report"
    try:
        ok = build_report(["fake-optics", "fake-broken", "fake-later"], out, progress=False)
    finally:
        mp.undo()
    return out, ok


def test_report_sections_summary_and_claims_table(report):
    out, ok = report
    assert ok is False  # fake-broken failed, and the run says so
    page = (out / "index.html").read_text(encoding="utf-8")
    for topic in ("fake-optics", "fake-broken", "fake-later"):
        assert f"id='topic-{topic}'" in page
    assert page.count("<table class='claims'>") == 1  # only fake-optics produced claims
    summary = re.search(r"<table class='summary'.*?</table>", page, re.S).group(0)
    optics_row = re.search(r"<tr><td><a href=\"#topic-fake-optics\">.*?</tr>", summary).group(0)
    # fake-optics: claims (1), (4), (5) hold and (2), (A3) are discrepancies (computed by ClaimBook)
    assert re.findall(r'<td class="num[^"]*">(\d+)</td>', optics_row) == ["3", "2", "0"]
    assert "1 topic(s) failed" in page and "RuntimeError: derivation exploded" in page
    assert "has no derivation module yet" in page
    # every row of the claims table has an equation label, a verdict and evidence
    rows = re.findall(r"<tr class='(\w+)' id='fake-optics-\d+-eq-[^']*'>", page)
    assert rows == ["confirmed", "discrepancy", "discrepancy", "confirmed", "confirmed"]
    assert "symlight check fake-optics" in page and "symlight reproduce fake-optics --out" in page


def test_discrepancies_side_by_side_with_difference(report):
    out, _ = report
    page = (out / "index.html").read_text(encoding="utf-8")
    chunks = page.split("<div class='card discrepancy' id='")[1:]
    cards = [(chunk.split("'", 1)[0].removesuffix("-card"), chunk) for chunk in chunks]
    cards[-1] = (cards[-1][0], cards[-1][1].split("<h3>", 1)[0])
    assert len(cards) == 2
    gamma_card = next(body for cid, body in cards if cid.endswith("eq-2"))
    assert "printed in the paper" in gamma_card and "derived by symlight" in gamma_card
    # printed Gamma/2 minus derived Gamma is -Gamma/2, typeset from its LaTeX
    assert 'alt="- \\frac{\\Gamma}{2}"' in gamma_card
    matrix_card = next(body for cid, body in cards if cid.endswith("eq-A3"))
    assert matrix_card.count("<table class=\"matrix\">") == 2
    assert "[1,1]: " in matrix_card  # only the differing entry, labelled as in the evidence


def test_assets_are_local_files_and_formulas_are_svg(report):
    out, _ = report
    page = (out / "index.html").read_text(encoding="utf-8")
    links = _links(page)
    external = [u for u in links if re.match(r"^[a-z]+://", u) or u.startswith("//")]
    assert external == []
    assert "<script" not in page
    local = [u for u in links if not u.startswith(("#", "data:"))]
    assert "claims.json" in local and "figures/fake-optics/fig2.png" in local
    for url in local:
        assert (out / url).is_file(), url
    svgs = sorted((out / "math").glob("*.svg"))
    assert len(svgs) >= 5
    for svg in svgs:
        root = ET.parse(svg).getroot()
        assert float(root.get("width").removesuffix("pt")) > 0
        text = svg.read_text()
        # glyphs are paths: no font, no external reference at view time
        assert not re.search(r"""(xlink:)?href=['"](?!#)""", text)
    # the formula mathtext cannot parse is shown as escaped LaTeX source, not dropped
    assert "\\begin{cases} a &amp; x&gt;0" in page
    assert (out / "figures" / "fake-optics" / "fig2.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_claims_json_matches_cli_contract(report):
    out, _ = report
    rows = json.loads((out / "claims.json").read_text())
    assert [r["equation"] for r in rows] == ["1", "2", "A3", "4", "5"]
    assert set(rows[0]) == {"topic", "source", "equation", "claim", "verdict", "evidence",
                            "printed", "derived"}
    assert rows[1]["verdict"] == "discrepancy" and rows[1]["printed"] == r"\frac{\Gamma}{2}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_run_keeps_previous_report(tmp_path, monkeypatch, jobs):
    fakes.install(monkeypatch, "fake-optics", "fake-interrupt")
    out = tmp_path / "report"
    assert build_report(["fake-optics"], out, progress=False) is True
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(KeyboardInterrupt):
        build_report(["fake-optics", "fake-interrupt"], out, progress=False, jobs=jobs)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # no staging or old dirs left


def test_interrupted_first_run_leaves_nothing(tmp_path, monkeypatch):
    fakes.install(monkeypatch, "fake-interrupt")
    with pytest.raises(KeyboardInterrupt):
        build_report(["fake-interrupt"], tmp_path / "report", progress=False)
    assert list(tmp_path.iterdir()) == []


def test_cli_reproduce_exit_status_progress_and_interrupt(tmp_path, monkeypatch, capsys):
    fakes.install(monkeypatch, "fake-optics", "fake-broken", "fake-interrupt")
    out = tmp_path / "rep"
    assert cli.main(["reproduce", "fake-optics", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "reproduce: 100%" in captured.err  # the progress bar
    assert "wrote" in captured.out and "3 confirmed, 2 discrepancy" in captured.out
    page = (out / "index.html").read_text()
    assert "symlight reproduce fake-optics --out " + str(out) in page
    assert cli.main(["reproduce", "fake-broken", "fake-optics", "--out", str(out), "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert "fake-broken: FAILED in claims(): RuntimeError: derivation exploded" in captured.err
    assert "FAILED topics: fake-broken" in captured.out
    assert "id='topic-fake-optics'" in (out / "index.html").read_text()  # the failure hid nothing
    page = (out / "index.html").read_text()
    assert cli.main(["reproduce", "fake-interrupt", "--out", str(out), "--no-progress"]) == 130
    assert (out / "index.html").read_text() == page


def test_figure_written_outside_is_copied_and_missing_file_fails(tmp_path, monkeypatch):
    from symlight.report import Figure

    elsewhere = tmp_path / "elsewhere.svg"
    elsewhere.write_text("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>")
    mod = fakes._module("fake-figs", "Figures", lambda: [],
                        lambda out_dir: [Figure("Fig. 1", elsewhere, "outside"),
                                         Figure("Fig. 9", out_dir / "never.png", "not written")])
    fakes.install(monkeypatch)
    import derivations

    monkeypatch.setattr(derivations, "TOPICS", {"fake-figs": ("x", "s.txt")})
    monkeypatch.setattr(derivations, "load", lambda topic: mod)
    out = tmp_path / "rep"
    assert build_report(["fake-figs"], out, progress=False) is False
    page = (out / "index.html").read_text()
    assert (out / "figures" / "fake-figs" / "elsewhere.svg").is_file()
    assert "figure file(s) not written: Fig. 9" in page


def test_math_renderer_fallbacks_and_matrices(tmp_path):
    math = MathRenderer(root=tmp_path)
    good = math.html(r"\frac{\left|\Omega_{1}\right|^{2}}{1 + i \gamma_{12}}")
    assert good.startswith('<img class="math" src="math/') and math.failures == 0
    assert normalize_latex(r"$\displaystyle\sum\limits_{i} x_i$") == r"\sum_{i} x_i"
    assert math.html(r"\sum\limits_{i} x_i").startswith("<img")
    bad = math.html(r"\frac{1}{2}\unknowncommand{<x>}")
    assert bad.startswith("<code class=\"latex-src\"") and "&lt;x&gt;" in bad and math.failures == 1
    matrix = math.html(sympy.latex(sympy.Matrix([[1, sympy.Symbol("x")], [2, 3]])))
    assert matrix.count("<img") == 4 and "<table class=\"matrix\">" in matrix
    # same formula rendered once (one file per distinct formula)
    math.html(r"\sum\limits_{i} x_i")
    assert len(list((tmp_path / "math").glob("*.svg"))) == len([v for v in math.rendered.values() if v])
    assert math.text("rate $\\Gamma$ and 5$").count("<img") == 1
    huge = " + ".join(f"x_{{{i}}}" for i in range(400))
    assert math.html(huge).startswith("<code")


def test_difference_is_independent_of_the_claim_verdict():
    g, x = sympy.symbols("Gamma x", positive=True)
    diff = difference(g / 2, g)
    assert [label for label, _ in diff.entries] == [""]
    assert diff.entries[0][1] == sympy.latex(-g / 2)
    assert difference((x + 1) ** 2, x**2 + 2 * x + 1).entries == []
    m = difference(sympy.Matrix([[1, x], [x, 1]]), sympy.Matrix([[1, x], [x, 2]]))
    assert m.entries == [("[1,1]", "-1")]
    assert difference(sympy.Matrix([1, 2]), sympy.Matrix([[1, 2]])).note.startswith("shapes differ")
    assert difference(r"\frac{a}{b}", g) is None  # LaTeX strings: nothing to subtract
    assert to_latex(None) is None and to_latex(g / 2) == r"\frac{\Gamma}{2}"


def _book():
    x = sympy.Symbol("x", real=True)
    book = ClaimBook("demo", "demo.txt")
    book.equal("3", "Square, with $x$ real", x**2 + 2 * x + 1, (x + 1) ** 2)
    book.equal("7", "Wrong sign", x - 1, x + 1)
    return book.claims


def test_claim_table_jupyter_reprs():
    claims = _book()
    table = ClaimTable(claims)
    assert len(table) == 2 and table.counts() == {"confirmed": 1, "discrepancy": 1, "inconclusive": 0}
    html_text = table._repr_html_()
    assert html_text.count("<tr>") == 3 and "data:image/svg+xml;base64," in html_text
    assert "discrepancy" in html_text and "(7)" in html_text and "http" not in html_text
    latex = table._repr_latex_()
    assert latex.startswith("$$\\begin{array}") and latex.endswith("\\end{array}$$")
    assert "x - 1" in latex and "x + 1" in latex
    assert latex.count("{") == latex.count("}")
    single = claim_latex(claims[1])
    assert "\\text{(7) discrepancy: Wrong sign}" in single and single.count("{") == single.count("}")
    assert "<table" in claim_html(claims[0])
    assert "1 confirmed, 1 discrepancy" in repr(table)


def test_claim_repr_latex_if_provided_by_checks():
    claim = _book()[1]
    if not hasattr(claim, "_repr_latex_"):
        pytest.skip("symlight.checks.Claim has no _repr_latex_ yet (asked of the lead: delegate to "
                    "symlight.report.claim_latex)")
    assert claim._repr_latex_() == claim_latex(claim)


def test_parallel_and_serial_runs_agree_and_unpicklable_results_are_sanitised(tmp_path, monkeypatch):
    fakes.install(monkeypatch, "fake-optics", "fake-broken")
    base = fakes.FAKES["fake-optics"]

    def optics_with_unpicklable_details():
        mod = base()
        plain = mod.claims

        def claims():
            out = plain()
            out[0].details["callback"] = lambda: None  # cannot be pickled back from a worker
            return out
        mod.claims = claims
        return mod

    monkeypatch.setitem(fakes.FAKES, "fake-optics", optics_with_unpicklable_details)
    pages = {}
    for jobs in (1, 2):
        out = tmp_path / f"rep{jobs}"
        assert build_report(["fake-optics", "fake-broken"], out, progress=False, jobs=jobs) is False
        pages[jobs] = json.loads((out / "claims.json").read_text())
        assert (out / "figures" / "fake-optics" / "fig2.png").is_file()
        assert out.stat().st_mode & 0o077 == 0o077 & ~_umask()  # shareable, as the user's umask says
        assert (out / "index.html").stat().st_mode & 0o066 == 0o066 & ~_umask()
    assert pages[1] == pages[2] and len(pages[1]) == 5


def test_jobs_from_environment(monkeypatch):
    from symlight.errors import InputError
    from symlight.report.build import default_jobs

    monkeypatch.setenv("SYMLIGHT_JOBS", "3")
    assert default_jobs(5) == 3 and default_jobs(2) == 2
    monkeypatch.setenv("SYMLIGHT_JOBS", "two")
    with pytest.raises(InputError, match="SYMLIGHT_JOBS"):
        default_jobs(5)


def test_worker_that_dies_hard_fails_only_its_topic(tmp_path, monkeypatch):
    fakes.install(monkeypatch, "fake-crash", "fake-optics")
    out = tmp_path / "rep"
    assert build_report(["fake-crash", "fake-optics"], out, progress=False, jobs=2) is False
    page = (out / "index.html").read_text()
    assert "the worker process running this topic died" in page
    rows = json.loads((out / "claims.json").read_text())
    assert {r["topic"] for r in rows} == {"fake-optics"} and len(rows) == 5


def test_figure_repr_html_embeds_the_image(tmp_path):
    from symlight.report import Figure

    png = tmp_path / "f.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 16)
    html_text = Figure("Fig. 3", png, "a <caption>", command="symlight reproduce x --out D")._repr_html_()
    assert "data:image/png;base64,iVBORw0KGgo" in html_text and "a &lt;caption&gt;" in html_text
    assert "<code>" in Figure("Data", tmp_path / "d.csv", "table")._repr_html_()


SIGTERM_SCRIPT = """
import sys, pytest
sys.path.insert(0, {root!r})
from tests import _report_fakes as fakes
fakes.install(pytest.MonkeyPatch(), "fake-optics", "fake-slow")
from symlight.report.build import build_report
build_report(["fake-optics", "fake-slow"], {out!r}, progress=False, jobs=int(sys.argv[1]))
"""


def test_sigterm_mid_run_keeps_previous_report_and_removes_staging(tmp_path, monkeypatch):
    """SIGTERM while a worker runs a topic (jobs=2): old report intact, no staging dir left."""
    import signal
    import subprocess
    import sys
    import time

    fakes.install(monkeypatch, "fake-optics")
    out = tmp_path / "report"
    build_report(["fake-optics"], out, progress=False, jobs=1)
    before = (out / "index.html").read_bytes()
    script = SIGTERM_SCRIPT.format(root=str(Path(__file__).resolve().parent.parent), out=str(out))
    proc = subprocess.Popen([sys.executable, "-c", script, "2"])
    deadline = time.monotonic() + 60
    # wait until the slow topic is running: the staging dir holds fake-optics' figure
    while time.monotonic() < deadline and not list(tmp_path.glob(".report.*.new/figures/fake-optics/*.png")):
        time.sleep(0.1)
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) != 0
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_rendering_bug_fails_the_topic_not_the_report(tmp_path, monkeypatch):
    import symlight.report.html as report_html

    def broken_table(res, math):
        raise ValueError("renderer bug")

    monkeypatch.setattr(report_html, "claims_table_html", broken_table)
    fakes.install(monkeypatch, "fake-optics")
    out = tmp_path / "rep"
    assert build_report(["fake-optics"], out, progress=False, jobs=1) is False
    page = (out / "index.html").read_text()
    assert "the report could not render this topic: ValueError: renderer bug" in page
    assert len(json.loads((out / "claims.json").read_text())) == 5  # the claims are kept


@pytest.mark.parametrize("jobs", [1, 2])
def test_topic_over_its_time_budget_fails_alone(tmp_path, monkeypatch, jobs):
    """SYMLIGHT_TOPIC_TIMEOUT stops a topic that never ends (even one swallowing Exception)."""
    import time

    fakes.install(monkeypatch, "fake-stubborn", "fake-optics")
    monkeypatch.setenv("SYMLIGHT_TOPIC_TIMEOUT", "1.5")
    out = tmp_path / "rep"
    start = time.perf_counter()
    assert build_report(["fake-stubborn", "fake-optics"], out, progress=False, jobs=jobs) is False
    assert time.perf_counter() - start < 30
    page = (out / "index.html").read_text()
    assert "TopicTimeout" in page and "1.5 s topic budget" in page
    rows = json.loads((out / "claims.json").read_text())
    assert {r["topic"] for r in rows} == {"fake-optics"} and len(rows) == 5


def test_topic_timeout_option_is_validated_before_any_work(tmp_path, monkeypatch, capsys):
    from symlight.cli import main

    fakes.install(monkeypatch, "fake-optics")
    for bad in ("-1", "nan", "soon"):
        assert main(["reproduce", "--out", str(tmp_path / "r"), "--topic-timeout", bad]) == 2
        assert "--topic-timeout" in capsys.readouterr().err
    monkeypatch.setenv("SYMLIGHT_TOPIC_TIMEOUT", "0")
    assert main(["reproduce", "--out", str(tmp_path / "r"), "--no-progress"]) == 2
    assert "SYMLIGHT_TOPIC_TIMEOUT" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()
    monkeypatch.delenv("SYMLIGHT_TOPIC_TIMEOUT")
    assert main(["reproduce", "--out", str(tmp_path / "r"), "--no-progress", "--topic-timeout", "60"]) == 0
    import os

    assert "SYMLIGHT_TOPIC_TIMEOUT" not in os.environ  # the option does not leak into the caller
