"""The notebook that created a database study follows it: its leaderboard shows every worker's trials."""
import json
import os
import subprocess

from rdb_helpers import ROOT

STUDY_MIME = "application/vnd.rnnlab.study.v1+json"
OBJECTIVE = """
exports.objective = async (trial) => {
  const x = trial.suggestFloat("x", -10, 10);
  await new Promise((r) => setTimeout(r, 150));
  return x * x;
};
"""


def test_notebook_follows_the_trials_of_worker_processes(kernel, sqlite_url, tmp_path):
    objective = tmp_path / "objective.js"
    objective.write_text(OBJECTIVE)
    created = kernel.execute(f"""
import {{ createStudy, RDBStorage }} from "rnnlab";
const shared = await createStudy({{ studyName: "followed", storage: new RDBStorage({json.dumps(sqlite_url)}), direction: "minimize" }});
""")
    assert created.status == "ok", created.reply["content"]
    workers = [subprocess.Popen(["node", str(ROOT / "kernel" / "bin" / "rnnlab.js"), "worker", "--storage", sqlite_url,
                                 "--study", "followed", "--objective", str(objective), "--n-trials", "5"],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
               for _ in range(2)]
    result = kernel.execute("await shared.follow({ until: 10, interval: 0.3 });", timeout=120)
    for w in workers:
        _out, err = w.communicate(timeout=60)
        assert w.returncode == 0, err
    assert result.status == "ok", result.reply["content"]
    payloads = [m["content"]["data"][STUDY_MIME] for m in result.outputs
                if m["msg_type"] in ("display_data", "update_display_data") and STUDY_MIME in m["content"]["data"]]
    counts = [len(p["trials"]) for p in payloads]
    assert counts == sorted(counts) and len(set(counts)) >= 3, counts
    final = payloads[-1]
    assert final["status"] == "finished"
    assert [t["state"] for t in final["trials"]] == ["COMPLETE"] * 10
