"""Files: atomic writes and verified (content-hashed) reads."""

from symlight.io.atomic import (
    atomic_write_bytes,
    atomic_write_text,
    clean_stale,
    clean_stale_in,
    replace_directory,
)
from symlight.io.paths import check_output_dir, check_output_file, is_report_dir, printable

__all__ = ["atomic_write_bytes", "atomic_write_text", "check_output_dir", "check_output_file",
           "clean_stale", "clean_stale_in", "is_report_dir", "printable", "replace_directory"]
