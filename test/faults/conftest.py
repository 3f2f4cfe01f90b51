"""Fixtures of the fault-injection tests: a PostgreSQL server of their own (they stop and restart it)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdb"))
from pg_server import PostgresServer  # noqa: E402


@pytest.fixture(scope="module")
def postgres():
    """A server for this module's tests alone, so that stopping it disturbs no other test."""
    server = PostgresServer()
    try:
        yield server
    finally:
        server.close()
