"""symlight.parsing: restricted parsing of untrusted text (issue 11, item 1)."""

from __future__ import annotations

import builtins
import cmath
import contextlib
import math

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from symlight.errors import InputError
from symlight.parsing import parse_expression

x, y, g, N = sp.symbols("x y g N")


# --- what must work -------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("x + 2*y", x + 2 * y),
    ("g*sqrt(N)", g * sp.sqrt(N)),
    ("-x**2 / 3", -x**2 / 3),
    ("exp(-x) * cos(y)", sp.exp(-x) * sp.cos(y)),
    ("log(x) - sin(y)**2", sp.log(x) - sp.sin(y) ** 2),
    ("I*pi", sp.I * sp.pi),
    ("E**x", sp.exp(x)),
    ("x**-1", 1 / x),
    ("(x + 1)**(1/2)", sp.sqrt(x + 1)),
    ("+x - -y", x + y),
    ("2**10", sp.Integer(1024)),
])
def test_valid_expressions_build_the_expected_sympy_object(text, expected):
    assert sp.simplify(parse_expression(text) - expected) == 0


def test_numeric_twin_against_python_math():
    """Independent check: the parsed expression evaluated at a point equals Python's math."""
    text = "exp(-x/2)*cos(3*y) + sqrt(x**2 + y**2) - log(1 + x)*sin(y)/tan(x)"
    expr = parse_expression(text, allowed_symbols={"x", "y"})
    xv, yv = 0.7, -1.3
    ref = (math.exp(-xv / 2) * math.cos(3 * yv) + math.sqrt(xv**2 + yv**2)
           - math.log(1 + xv) * math.sin(yv) / math.tan(xv))
    assert float(expr.subs({x: xv, y: yv})) == pytest.approx(ref, rel=1e-13)


def test_complex_literal_and_constants_numeric():
    val = complex(sp.N(parse_expression("(1 + 2j)**3 * exp(I*pi/4)")))
    assert val == pytest.approx((1 + 2j) ** 3 * cmath.exp(1j * math.pi / 4), rel=1e-12)


def test_allowed_symbols_and_assumptions():
    expr = parse_expression("g*N", allowed_symbols={"g", "N"}, symbol_assumptions={"positive": True})
    assert all(s.is_positive for s in expr.free_symbols)
    with pytest.raises(InputError, match="unknown symbol 'z'.*allowed symbols: N, g"):
        parse_expression("g*z", allowed_symbols={"g", "N"})


def test_custom_function_allow_list():
    assert parse_expression("f(x)", allowed_functions={"f": sp.Function("f")}) == sp.Function("f")(x)
    with pytest.raises(InputError, match="function 'sin' is not allowed"):
        parse_expression("sin(x)", allowed_functions={"cos": sp.cos})


# --- hostile input --------------------------------------------------------------------------

HOSTILE = [
    ("__import__('os').system('x')", "refused"),
    ("__import__('os')", "'__import__' is not allowed"),
    ("().__class__.__bases__", "attribute access"),
    ("lambda: 1", "lambda"),
    ("a.b", "attribute access 'a.b'"),
    ("x[0]", "subscript 'x\\[0\\]'"),
    ("'s'", "literal \"'s'\" of type str"),
    ("9**9**9", "exponent in '9\\*\\*9\\*\\*9'"),
    ("(9**9999)**9999", "digits"),
    ("x**(10**9)", "exponent"),
    ("eval('1')", "'eval' is not allowed"),
    ("exec('import os')", "'exec' is not allowed"),
    ("open('/etc/passwd')", "'open' is not allowed"),
    ("sin(x=1)", "keyword arguments"),
    ("sin(*x)", "starred"),
    ("[x for x in y]", "comprehension"),
    ("{x: 1}", "dict"),
    ("x if y else x", "conditional"),
    ("x == 1", "comparison"),
    ("x and y", "boolean"),
    ("(x := 1)", "assignment expression"),
    ("f'{x}'", "f-string"),
    ("b'x'", "type bytes"),
    ("True", "type bool"),
    ("None", "type NoneType"),
    ("...", "type ellipsis"),
    ("__builtins__", "'__builtins__' is refused"),
    ("_x + 1", "'_x' is refused"),
    ("x @ y", "MatMult"),
    ("x % y", "Mod"),
    ("x // y", "FloorDiv"),
    ("x << 2", "LShift"),
    ("~x", "unary"),
    ("not x", "unary"),
    ("1e400", "overflows"),
    ("1/0", "division by zero"),
    ("0**-1", "zero to a negative power"),
    ("sin", "without a call"),
    ("(x, y)", "tuple"),
    ("import os", "cannot parse"),
    ("x = 1", "cannot parse"),
    ("x; y", "cannot parse"),
    ("", "cannot parse"),
    ("x\x00", "NUL"),
    ("1" * 500, "digits"),
    ("x" * 2001, "2001 characters long"),
    ("-" * 500 + "x", "nested deeper"),
    ("sin(" * 100 + "x" + ")" * 100, "nested deeper"),
    ("(" * 300 + "x" + ")" * 300, "cannot parse"),
    ("+".join(["x"] * 700), "syntax nodes"),
]


@pytest.mark.parametrize("text, message", HOSTILE)
def test_hostile_input_is_refused_with_a_message(text, message):
    with pytest.raises(InputError, match=message):
        parse_expression(text)


def test_non_string_input_refused():
    with pytest.raises(InputError, match="must be a str"):
        parse_expression(b"x")  # type: ignore[arg-type]


def test_max_length_option_raises_the_limit():
    long = "x" + " " * 2000
    with pytest.raises(InputError, match="limit is 2000"):
        parse_expression(long)
    ok = "x + " + " " * 2500 + "y"
    assert parse_expression(ok, max_length=3000) == x + y


# --- property tests: nothing but InputError, and nothing executed -----------------------------

class _Executed(Exception):
    pass


@contextlib.contextmanager
def no_code_execution():
    """Any eval/exec, any compile that is not AST-only, or sympy's string parser is a failure.

    Active only around the parse call (hypothesis itself compiles code when it builds a test).
    """
    import ast

    import sympy.parsing.sympy_parser as sympy_parser

    real_compile = builtins.compile

    def guarded_compile(source, filename, mode, flags=0, *args, **kwargs):
        if not flags & ast.PyCF_ONLY_AST:
            raise _Executed(f"compile() to bytecode of {source!r}")
        return real_compile(source, filename, mode, flags, *args, **kwargs)

    def forbidden(name):
        def _f(*args, **kwargs):
            raise _Executed(f"{name} called with {args!r}")
        return _f

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(builtins, "eval", forbidden("eval"))
        mp.setattr(builtins, "exec", forbidden("exec"))
        mp.setattr(builtins, "compile", guarded_compile)
        mp.setattr(sympy_parser, "parse_expr", forbidden("sympy parse_expr"))
        mp.setattr(sympy_parser, "eval_expr", forbidden("sympy eval_expr"))
        yield


def _parse_or_refuse(text: str) -> None:
    try:
        with no_code_execution():
            result = parse_expression(text)
    except InputError as exc:
        assert str(exc)  # a message, never empty
        return
    assert isinstance(result, sp.Basic)


_TOKENS = st.sampled_from([
    "x", "y", "1", "2.5", "3j", "9", "**", "*", "/", "+", "-", "(", ")", "[", "]", ".", ",", "'",
    "lambda", ":", "__import__", "__class__", "os", "sin", "exp", "sqrt", "I", "pi", "E", "=",
    " ", "_", "@", "{", "}", "if", "else", "for", "in", "not", "and", "0", "1e308", "\\", "\n",
])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_random_text_only_input_error(text):
    _parse_or_refuse(text)


@settings(max_examples=250, deadline=None)
@given(st.lists(_TOKENS, max_size=25).map("".join))
def test_random_token_soup_only_input_error(text):
    _parse_or_refuse(text)


def test_guard_can_fail():
    """The guard itself works: sympify of a string (which evals) is caught."""
    with pytest.raises(_Executed), no_code_execution():
        sp.sympify("x + 1")
