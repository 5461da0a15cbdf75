"""Benchmarks, side by side with the named peers (ratios). Run all: ``python -m bench``."""
