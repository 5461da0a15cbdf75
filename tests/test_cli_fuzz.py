"""Fuzzing the ``symlight`` command line with hypothesis (issue 11, item 4).

Random and hostile argv for ``check``, ``reproduce`` and ``codegen``, run in-process through
``symlight.cli.main`` with a fake, fast topic. Invariants, for every input:

* no traceback, and stdout/stderr stay writable on a strict UTF-8 stream (junk paths carry lone
  surrogates after ``os.fsdecode``; printing them raw would crash the process);
* bad input: a non-zero exit status and exactly one error line (argparse's usage lines may come
  before it);
* no partial output: the ``--json`` file and the ``--out`` directory are either complete (valid
  JSON with every claim, a report with index.html and claims.json) or untouched; no temporary
  siblings are left behind; nothing is written outside the test's directory.

Structured cases know the right exit status in advance (valid iff every topic is "fake" and the
path is writable); unstructured argv (random tokens from a hostile vocabulary) checks the
invariants only.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import sys
import tempfile
from pathlib import Path

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symlight.checks import ClaimBook
from symlight.cli import main
from tests._report_fakes import install_claims_topic

x = sp.Symbol("x")
#: SYMLIGHT_FUZZ_SCALE=k runs k times more examples (a long fuzzing session; default 1)
SCALE = max(1, int(os.environ.get("SYMLIGHT_FUZZ_SCALE", "1")))
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                      HealthCheck.too_slow])

HOSTILE = [
    "__import__('os').system('touch PWNED')", "fake; rm -rf /", "$(touch PWNED)", "`id`",
    "../../etc/passwd", "fake\nfake", "fake\r\nerror: forged line", "\x1b[31mred\x1b[0m",
    "f" * 5000, "", " ", "-", "--", "--json", "-h", "fake ", "FAKE", "ｆａｋｅ", "fake\u202e",
    "\udcff\udcfe", "%s%s%n", "{0.__class__}", "lambda: 0", "*", "?", "\\", "\t",
]


@functools.lru_cache(maxsize=1)
def _claims_once():
    book = ClaimBook("fake", "999_fake.txt")
    book.equal("1", "identity", sp.cos(x) ** 2, 1 - sp.sin(x) ** 2)
    book.equal("2", "wrong sign", sp.exp(-x), sp.exp(x))
    return tuple(book.claims)


def _claims():
    return list(_claims_once())  # verdicts computed once: the fuzzer exercises the CLI, not SymPy


def _fake_generator(out_dir: Path, backend: str = "numpy") -> list[Path]:
    """Registered as a codegen model: writes one module atomically (only under the test root)."""
    from symlight.io import atomic_write_text

    out_dir = Path(out_dir)
    if not str(out_dir.absolute()).startswith(os.environ["FUZZ_ROOT"]):
        return []  # the default codegen/ of the repository: never touched by the fuzzer
    path = out_dir / "fake_model.py"
    atomic_write_text(path, "VALUE = 42\n")
    return [path]


@pytest.fixture
def fake_cli(monkeypatch, tmp_path):
    """Fake topic registry and codegen registry; cwd and $FUZZ_ROOT in a scratch directory."""
    import codegen

    install_claims_topic(monkeypatch, _claims, "derivations._fuzz_topic")
    monkeypatch.setattr(codegen, "GENERATORS", {"fake_model": "tests.test_cli_fuzz:_fake_generator"})
    monkeypatch.setenv("FUZZ_ROOT", str(tmp_path.absolute()))
    monkeypatch.setenv("SYMLIGHT_JOBS", "1")
    monkeypatch.delenv("SYMLIGHT_SCHEDULER", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(argv: list[str]) -> tuple[int, str, str]:
    """main(argv) with stdout/stderr as strict UTF-8 streams (as a UTF-8 terminal)."""
    out_b, err_b = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_b, encoding="utf-8", errors="strict", write_through=True)
    err = io.TextIOWrapper(err_b, encoding="utf-8", errors="strict", write_through=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(argv)
    out.flush()
    err.flush()
    return rc, out_b.getvalue().decode(), err_b.getvalue().decode()


def _tree(root: Path) -> dict[str, bytes | None]:
    tree: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for d in dirnames:
            tree[os.path.relpath(os.path.join(dirpath, d), root)] = None
        for f in filenames:
            p = os.path.join(dirpath, f)
            tree[os.path.relpath(p, root)] = Path(p).read_bytes()
    return tree


def _assert_clean_failure(rc: int, out: str, err: str) -> None:
    assert rc != 0
    assert "Traceback" not in err and "Traceback" not in out
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "a failure must say why"
    errors = [line for line in lines if "error:" in line]
    assert len(errors) == 1, err
    assert lines[-1] == errors[0], err  # the error is the last line (usage may precede it)
    assert all(line.startswith(("usage:", " ")) for line in lines[:-1]), err


def _no_temp_siblings(root: Path) -> None:
    leftovers = [p for p in root.rglob(".*") if ".tmp" in p.name or p.name.endswith(".new")
                 or ".old-" in p.name or p.name.startswith(".symlight-probe")]
    assert not leftovers, leftovers


# ------------------------------------------------------------------------------------------------
# paths: each kind is (builder(root) -> path text, writable?)

def _junk_name(data: bytes) -> str:
    name = os.fsdecode(data.replace(b"\x00", b"_").replace(b"/", b"_"))
    return name if name not in ("", ".", "..") else "_"


def _path_kind(kind: str, root: Path, junk: bytes, suffix: str) -> tuple[str, bool]:
    (root / "existing_dir").mkdir(exist_ok=True)
    (root / "a_file").write_text("precious\n")
    table = {
        "new": (str(root / f"new{suffix}"), True),
        "nested": (str(root / "n1" / "n2" / f"deep{suffix}"), True),
        "relative": (f"rel{suffix}", True),
        "junk": (str(root / (_junk_name(junk) + suffix)), True),
        "existing_dir": (str(root / "existing_dir"), None),   # depends on the command
        "file_as_parent": (str(root / "a_file" / f"x{suffix}"), False),
        "file": (str(root / "a_file"), None),
        "long": (str(root / ("L" * 300 + suffix)), False),
        "proc": (f"/proc/1/no/such/x{suffix}", False),
        "dev_null_parent": (f"/dev/null/x{suffix}", False),
        "empty": ("", False),
    }
    return table[kind]


KINDS = ["new", "nested", "relative", "junk", "existing_dir", "file_as_parent", "file", "long",
         "proc", "dev_null_parent", "empty"]
topic_st = st.one_of(st.just("fake"), st.sampled_from(HOSTILE),
                     st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                             max_size=40),
                     st.binary(min_size=1, max_size=30).map(_junk_name))


@settings(max_examples=40 * SCALE, **SETTINGS)
@given(topics=st.lists(topic_st, max_size=3), kind=st.sampled_from(KINDS), junk=st.binary(max_size=40))
def test_fuzz_check_json(fake_cli, topics, kind, junk):
    root = Path(tempfile.mkdtemp(dir=fake_cli))
    path, writable = _path_kind(kind, root, junk, ".json")
    if kind == "existing_dir":
        writable = False
    if kind == "file":
        writable = True  # an existing file is replaced (atomically) by the claims
    before = _tree(root)
    rc, out, err = _run(["check", "--json", path, "--", *topics])
    valid = all(t == "fake" for t in topics) and writable
    assert "Traceback" not in err
    if valid:
        assert rc == 0, (topics, kind, err)
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
        assert [r["verdict"] for r in rows] == ["confirmed", "discrepancy"]
    else:
        _assert_clean_failure(rc, out, err)
        assert _tree(root) == before, "a refused command changed files"
    _no_temp_siblings(root)


@settings(max_examples=15 * SCALE, **SETTINGS)
@given(topics=st.lists(topic_st, max_size=2), kind=st.sampled_from(KINDS + ["report", "empty_dir"]),
       junk=st.binary(max_size=40))
def test_fuzz_reproduce_out(fake_cli, topics, kind, junk):
    root = Path(tempfile.mkdtemp(dir=fake_cli))
    if kind == "report":
        path, writable = str(root / "previous"), True
        (root / "previous").mkdir()
        (root / "previous" / "index.html").write_text("<html>old</html>")
        (root / "previous" / "claims.json").write_text("[]")
    elif kind == "empty_dir":
        path, writable = str(root / "empty_dir"), True
        (root / "empty_dir").mkdir()
    else:
        path, writable = _path_kind(kind, root, junk, "")
        if kind == "existing_dir":
            (root / "existing_dir" / "thesis.tex").write_text("years of work\n")
            writable = False  # not a report: must never be swapped away
        if kind == "file":
            writable = False
    before = _tree(root)
    rc, out, err = _run(["reproduce", "--no-progress", "--out", path, "--", *topics])
    valid = all(t == "fake" for t in topics) and writable
    assert "Traceback" not in err
    if valid:
        assert rc == 0, (topics, kind, err)
        rows = json.loads((Path(path) / "claims.json").read_text(encoding="utf-8"))
        assert [r["verdict"] for r in rows] == ["confirmed", "discrepancy"]
        assert (Path(path) / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    else:
        _assert_clean_failure(rc, out, err)
        assert _tree(root) == before, "a refused command changed files"
    _no_temp_siblings(root)


@settings(max_examples=30 * SCALE, **SETTINGS)
@given(model=st.one_of(st.just("fake_model"), st.sampled_from(HOSTILE)), kind=st.sampled_from(KINDS),
       backend=st.sampled_from(["numpy", "c", "numba", "fortran", ""]), junk=st.binary(max_size=40))
def test_fuzz_codegen_out(fake_cli, model, kind, backend, junk):
    root = Path(tempfile.mkdtemp(dir=fake_cli))
    path, writable = _path_kind(kind, root, junk, "")
    if kind == "existing_dir":
        writable = True  # codegen adds its module to an existing directory
    if kind == "file":
        writable = False
    before = _tree(root)
    rc, out, err = _run(["codegen", "--backend", backend, "--out", path, "--", model])
    valid = model == "fake_model" and writable and backend in ("numpy", "c", "numba")
    assert "Traceback" not in err
    if valid:
        assert rc == 0, (model, kind, backend, err)
        assert (Path(path) / "fake_model.py").read_text() == "VALUE = 42\n"
    else:
        _assert_clean_failure(rc, out, err)
        assert _tree(root) == before
    _no_temp_siblings(root)


VOCAB = ["check", "reproduce", "codegen", "fake", "fake_model", "--json", "--out", "--all", "--list",
         "--backend", "numpy", "c", "--scheduler", "tcp://127.0.0.1:1", "localhost:8786", "--debug",
         "--no-progress", "--version", "-h", "--", "-", "--js", "--o", "out.json", "outdir",
         "a_file", "a_file/x", "/proc/1/x", "", "\udcff", "x" * 300, *HOSTILE[:12]]


@settings(max_examples=60 * SCALE, **SETTINGS)
@given(argv=st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=12)), max_size=7))
def test_fuzz_random_argv(fake_cli, argv):
    """Random token soup: never a traceback; a failure is one error line and writes nothing."""
    root = Path(tempfile.mkdtemp(dir=fake_cli))
    os.chdir(root)
    try:
        (root / "a_file").write_text("precious\n")
        before = _tree(root)
        try:
            rc, out, err = _run(argv)
        except SystemExit as exc:  # only --version/-h exit through argparse inside main
            pytest.fail(f"main raised SystemExit({exc.code}) for {argv!r}")
        assert "Traceback" not in err and "Traceback" not in out
        if rc != 0:
            if "error:" in err or "usage:" in err or rc != 1:
                _assert_clean_failure(rc, out, err)
            assert _tree(root) == before, argv
        else:
            after = _tree(root)
            assert (root / "a_file").read_text() == "precious\n" or "a_file" in argv
            for name, data in after.items():
                if name.endswith(".json") and data is not None and before.get(name) != data:
                    json.loads(data)  # any JSON written is complete
        _no_temp_siblings(root)
        assert os.environ.get("SYMLIGHT_SCHEDULER") is None  # the option does not leak
    finally:
        os.chdir(fake_cli)


def test_hostile_topic_never_runs_and_messages_are_single_printable_lines(fake_cli):
    sentinel = fake_cli / "PWNED"
    for topic in HOSTILE:
        rc, out, err = _run(["check", "--", topic])
        if topic == "fake":
            continue
        _assert_clean_failure(rc, out, err)
        assert "\x1b" not in err and "\u202e" not in err
    assert not sentinel.exists()
    rc, out, err = _run(["check", "--", *(f"t{i}" for i in range(500))])
    _assert_clean_failure(rc, out, err)
    assert "and 495 more" in err and len(err) < 1000


def test_bad_scheduler_refused_before_work(fake_cli, monkeypatch):
    ran = []
    import derivations

    module = sys.modules[derivations.TOPICS["fake"][0]]
    monkeypatch.setattr(module, "claims", lambda: ran.append(1) or _claims())
    for address in ["localhost", "tcp://", "://x", "tcp://host:1\nerror", "x" * 400]:
        rc, out, err = _run(["check", "fake", "--scheduler", address])
        _assert_clean_failure(rc, out, err)
        assert "tcp://127.0.0.1:8786" in err
    assert not ran and os.environ.get("SYMLIGHT_SCHEDULER") is None


def test_bad_json_path_is_refused_before_the_topics_run(fake_cli, monkeypatch):
    """A typo in --json costs one line at once, not a full run followed by a failed write."""
    ran = []
    import derivations

    module = sys.modules[derivations.TOPICS["fake"][0]]
    monkeypatch.setattr(module, "claims", lambda: ran.append(1) or _claims())
    (fake_cli / "a_file").write_text("x")
    for path in ["/proc/1/x.json", "a_file/x.json", str(fake_cli), "L" * 300 + ".json"]:
        rc, out, err = _run(["check", "fake", "--json", path])
        _assert_clean_failure(rc, out, err)
    assert not ran


def test_hostile_claim_text_is_escaped_in_the_report(fake_cli, monkeypatch):
    """Statement, evidence, equation label, title, seed name and forms with markup or script never
    appear as live HTML: the page has no <script>, no javascript: link, no event handler."""
    import derivations

    def claims():
        book = ClaimBook("fake", "<img src=x onerror=alert(1)>.txt")
        book.holds("<script>alert(1)</script>", "<script>alert(2)</script> $x</p>$", True,
                   "<script>alert(3)</script><a href='javascript:alert(7)'>x</a>",
                   printed="</svg><script>alert(4)</script>", derived=r"\href{javascript:alert(5)}{x}")
        return book.claims

    module = sys.modules[derivations.TOPICS["fake"][0]]
    monkeypatch.setattr(module, "claims", claims)
    monkeypatch.setattr(module, "TITLE", "<script>alert(6)</script>")
    rc, out, err = _run(["reproduce", "--no-progress", "--out", "rep", "fake"])
    assert rc == 0, err
    page = (fake_cli / "rep" / "index.html").read_text(encoding="utf-8").lower()
    assert "<script" not in page and "<img src=x" not in page and "</svg><" not in page
    assert "<a href='javascript" not in page and 'href="javascript' not in page
    for svg in (fake_cli / "rep").rglob("*.svg"):
        text = svg.read_text(encoding="utf-8", errors="replace").lower()
        assert "<script" not in text and "javascript:" not in text
