"""The shared storage suite (kernel/src/study/storages/storage-suite.ts) on a real PostgreSQL server."""
import os
import re
import subprocess

from rdb_helpers import ROOT

SPEC = ROOT / "kernel" / "src" / "study" / "storages" / "rdb" / "postgres.spec.ts"


def test_the_shared_storage_suite_passes_on_postgresql(postgres_server):
    done = subprocess.run(["node", "--import", "tsx", "--test", "--test-reporter=tap", str(SPEC)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "RNNLAB_TEST_POSTGRES_URL": postgres_server})
    out = done.stdout
    assert done.returncode == 0, out[-4000:] + done.stderr[-2000:]
    counts = {k: int(v) for k, v in re.findall(r"^# (pass|fail|skipped|cancelled) (\d+)$", out, re.M)}
    assert counts == {"pass": 6, "fail": 0, "skipped": 0, "cancelled": 0}, out[-2000:]
    assert "rnnlab-test-secret" not in out
