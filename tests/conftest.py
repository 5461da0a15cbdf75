"""Shared pytest configuration: ``--runslow`` enables full-size reproductions (marked ``slow``)."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run the full-size reproductions marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="full-size reproduction: run with --runslow "
                            "(the default run covers the same code on smaller inputs)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
