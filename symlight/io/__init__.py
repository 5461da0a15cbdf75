"""Files: atomic writes and verified (content-hashed) reads."""

from symlight.io.atomic import (
    atomic_write_bytes,
    atomic_write_text,
    clean_stale,
    clean_stale_in,
    replace_directory,
)

__all__ = ["atomic_write_bytes", "atomic_write_text", "clean_stale", "clean_stale_in", "replace_directory"]
