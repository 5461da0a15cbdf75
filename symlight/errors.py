"""Error types. Every error a user can cause names the offending object and what would be valid."""

from __future__ import annotations


class SymlightError(Exception):
    """Base class: a clear, user-facing error (the CLI prints it without a traceback)."""


class AlgebraError(SymlightError, TypeError):
    """An operator expression that the algebra cannot represent (bad power, mixed kinds, ...)."""


class InputError(SymlightError, ValueError):
    """A parameter or argument outside the domain where the model or formula holds."""


class ModelError(SymlightError, ValueError):
    """A model that is ill-posed: non-Hermitian Hamiltonian, non-PSD rate matrix, singular system."""


def describe(obj: object, limit: int = 80) -> str:
    """Short printable form of ``obj`` for error messages (type and truncated repr)."""
    text = repr(obj)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{text} (of type {type(obj).__name__})"
