"""Fixtures of the RDB storage tests: a throwaway PostgreSQL server on loopback and database URLs.

The server (Debian's `postgresql` package; `.ci/run` installs it when missing) runs from a temporary
data directory on a free port for the whole session, as the `postgres` system user when the tests
run as root (initdb refuses root), and is stopped at the end.
"""
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid

import pytest

PASSWORD = "rnnlab-test-secret"
USER = "rnnlab"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_bin() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


@pytest.fixture(scope="session")
def postgres_server():
    """The admin URL (`postgresql://rnnlab:…@127.0.0.1:PORT/postgres`) of a server started for the session."""
    bindir = _postgres_bin()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed (apt-get install postgresql; .ci/run does this)")
    root = tempfile.mkdtemp(prefix="rnnlab-pg-")
    as_user = []
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log, pwfile = (os.path.join(root, name) for name in ("data", "server.log", "pw"))
    with open(pwfile, "w") as f:
        f.write(PASSWORD)
    if as_user:
        shutil.chown(pwfile, user="postgres")
    subprocess.run([*as_user, f"{bindir}/initdb", "-D", data, "-U", USER, "--pwfile", pwfile, "--auth=scram-sha-256",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c max_connections=200"
    subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the session's server."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def sqlite_url(tmp_path):
    """A SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'studies.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request):
    """Each test that uses it runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")
