"""Compiled-kernel cache: content-hash keys, atomic writes, verification before load, rebuild on tamper."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
import sympy as sp

from symlight.kernels import generate
from symlight.kernels.cache import clear_memory_cache

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="no C compiler")

x, y = sp.symbols("x y")
EXPR = sp.Matrix([[x * y + 1, sp.exp(x) / (2 + y)]])


def _files(root):
    return sorted((root / "kernels").glob("*"))


def _value(k):
    return k(np.array([0.5, 1.5]), np.array([1.0 + 1j, 2.0]))


def test_cache_builds_once_then_hits(tmp_path):
    clear_memory_cache()
    k1 = generate(EXPR, [x, y], backend="c", cache_dir=tmp_path)
    assert k1.cache_status == "built"
    files = _files(tmp_path)
    assert [f.suffix for f in files] == [".json", ".so"]
    assert not any(f.name.startswith(".") for f in (tmp_path / "kernels").iterdir())  # no temp left
    manifest = json.loads(files[0].read_text())
    assert files[0].stem == files[1].stem == manifest["key"]
    clear_memory_cache()
    k2 = generate(EXPR, [x, y], backend="c", cache_dir=tmp_path)
    assert k2.cache_status == "hit"
    np.testing.assert_array_equal(_value(k1), _value(k2))
    # a different expression gets a different key
    generate(EXPR * 2, [x, y], backend="c", cache_dir=tmp_path)
    assert len(_files(tmp_path)) == 4


def test_env_variable_selects_cache_root(tmp_path, monkeypatch):
    clear_memory_cache()
    monkeypatch.setenv("SYMLIGHT_CACHE", str(tmp_path / "env-root"))
    generate(EXPR + sp.Matrix([[3, 0]]), [x, y], backend="c")
    assert len(_files(tmp_path / "env-root")) == 2


@pytest.mark.parametrize("damage", ["flip-bytes", "truncate", "replace-with-other-library",
                                    "manifest-garbage", "manifest-missing", "manifest-wrong-key",
                                    "library-is-link-to-dev-zero"])
def test_tampered_cache_is_detected_and_rebuilt(tmp_path, damage):
    clear_memory_cache()
    good = _value(generate(EXPR, [x, y], backend="c", cache_dir=tmp_path))
    so = next((tmp_path / "kernels").glob("*.so"))
    manifest = so.with_suffix(".json")
    if damage == "flip-bytes":
        data = bytearray(so.read_bytes())
        data[len(data) // 2] ^= 0xFF
        so.write_bytes(bytes(data))
    elif damage == "truncate":
        so.write_bytes(so.read_bytes()[:100])
    elif damage == "replace-with-other-library":
        other = generate(EXPR + sp.Matrix([[1, 1]]), [x, y], backend="c", cache_dir=tmp_path / "o")
        assert not np.allclose(_value(other), good)
        shutil.copy(next((tmp_path / "o" / "kernels").glob("*.so")), so)
    elif damage == "manifest-garbage":
        manifest.write_text("{not json")
    elif damage == "manifest-missing":
        manifest.unlink()
    elif damage == "library-is-link-to-dev-zero":  # reading it would never end
        so.unlink()
        so.symlink_to("/dev/zero")
    elif damage == "manifest-wrong-key":
        m = json.loads(manifest.read_text())
        m["key"] = "0" * 64
        manifest.write_text(json.dumps(m))
    clear_memory_cache()
    with pytest.warns(RuntimeWarning, match="failed verification"):
        k = generate(EXPR, [x, y], backend="c", cache_dir=tmp_path)
    assert k.cache_status.startswith("rebuilt")
    np.testing.assert_array_equal(_value(k), good)
    clear_memory_cache()
    assert generate(EXPR, [x, y], backend="c", cache_dir=tmp_path).cache_status == "hit"
