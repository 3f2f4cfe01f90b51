"""Fixtures of the RDB storage tests: a throwaway PostgreSQL server (`pg_server.py`) for the whole
session, and database URLs."""
import pytest

from pg_server import PostgresServer


@pytest.fixture(scope="session")
def postgres(request):
    """The session's server (see `pg_server.py`)."""
    server = PostgresServer()
    request.addfinalizer(server.close)
    return server


@pytest.fixture(scope="session")
def postgres_server(postgres):
    """The admin URL (`postgresql://rnnlab:…@127.0.0.1:PORT/postgres`) of the session's server."""
    return postgres.url


@pytest.fixture
def postgres_url(postgres):
    """A fresh, empty database on the session's server."""
    return postgres.new_database()


@pytest.fixture
def sqlite_url(tmp_path):
    """A SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'studies.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request):
    """Each test that uses it runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")
