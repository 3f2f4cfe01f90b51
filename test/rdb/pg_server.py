"""A throwaway PostgreSQL server on loopback (Debian's `postgresql` package; `.ci/run` installs it).

It runs from a temporary data directory on a free port, as the `postgres` system user when the tests
run as root (initdb refuses root). `stop()` and `start()` take it down and up again on the same port
and data (the fault tests stop it under running workers); `close()` removes it.
"""
import glob
import os
import shutil
import socket
import subprocess
import tempfile

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


class PostgresServer:
    def __init__(self):
        self.bindir = _postgres_bin()
        if self.bindir is None:
            pytest.fail("PostgreSQL is not installed (apt-get install postgresql; .ci/run does this)")
        self.root = tempfile.mkdtemp(prefix="rnnlab-pg-")
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.root, user="postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data, self.log, pwfile = (os.path.join(self.root, name) for name in ("data", "server.log", "pw"))
        with open(pwfile, "w") as f:
            f.write(PASSWORD)
        if self.as_user:
            shutil.chown(pwfile, user="postgres")
        subprocess.run([*self.as_user, f"{self.bindir}/initdb", "-D", self.data, "-U", USER, "--pwfile", pwfile,
                        "--auth=scram-sha-256", "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
        self.port = _free_port()
        self.url = f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{self.port}/postgres"
        self.start()

    def _ctl(self, *args, check=True):
        return subprocess.run([*self.as_user, f"{self.bindir}/pg_ctl", "-D", self.data, *args],
                              check=check, capture_output=True)

    def start(self):
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c max_connections=200")
        self._ctl("-l", self.log, "-w", "-t", "60", "-o", options, "start")

    def stop(self, mode="fast"):
        """`fast` ends every session with an admin shutdown (SQLSTATE 57P01), as an operator's restart does."""
        self._ctl("-m", mode, "-w", "-t", "60", "stop")

    def close(self):
        self._ctl("-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self) -> str:
        """A fresh, empty database on this server; returns its URL."""
        import uuid

        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url.rsplit("/", 1)[0] + "/" + name
