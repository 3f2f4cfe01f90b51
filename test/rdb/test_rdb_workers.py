"""Several processes on one study: 3 worker processes plus the notebook-side process share a
PostgreSQL (and a SQLite) study; every trial number is unique and none is lost."""
import json
import subprocess

import optuna

from rdb_helpers import ROOT, node_command, run_node

WORKERS = 3
TRIALS_EACH = 12


def test_workers_and_the_main_process_share_a_study(db_url):
    run_node("rdb_writer.ts", db_url, "shared", 1, "plain")  # the notebook creates the study
    children = [subprocess.Popen(node_command("rdb_writer.ts", db_url, "shared", TRIALS_EACH, "plain"),
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(WORKERS + 1)]  # 3 workers plus the notebook's process, all at once
    outputs = [c.communicate(timeout=120) for c in children]
    assert all(c.returncode == 0 for c in children), [err[-2000:] for _out, err in outputs]
    reported = [json.loads(line)["number"] for out, _err in outputs for line in out.splitlines()]
    total = (WORKERS + 1) * TRIALS_EACH
    assert len(reported) == total and len(set(reported)) == total

    trials = optuna.load_study(study_name="shared", storage=db_url).trials
    assert [t.number for t in trials] == list(range(total + 1))
    assert all(t.state.name == "COMPLETE" for t in trials)
    assert sorted(reported) == list(range(1, total + 1))
    assert {t.system_attrs["rnnlab:worker"]["pid"] for t in trials[1:]} == {c.pid for c in children}
