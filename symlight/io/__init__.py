"""Files: atomic writes and verified (content-hashed) reads."""

from symlight.io.atomic import atomic_write_bytes, atomic_write_text, replace_directory

__all__ = ["atomic_write_bytes", "atomic_write_text", "replace_directory"]
