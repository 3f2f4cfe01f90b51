"""Journal studies across processes: a crash mid-study (SIGKILL) and two processes on one journal."""
import json
import os
import signal
import subprocess
import time

import optuna

from study_helpers import ROOT, journal_storage, node_command, run_node


def test_resume_after_sigkill_keeps_completed_trials_and_fails_the_running_one(journal):
    child = subprocess.Popen(node_command("journal_writer.ts", journal, "crash", 100, "slow"),
                             cwd=ROOT, stdout=subprocess.PIPE, text=True)
    finished = []
    while len(finished) < 4:
        line = child.stdout.readline()
        assert line, "the writer ended early"
        finished.append(json.loads(line))
    time.sleep(0.05)  # into the next trial's objective (it sleeps 150 ms)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    before = optuna.load_study(study_name="crash", storage=journal_storage(journal)).trials
    running = [t for t in before if t.state.name == "RUNNING"]
    complete = {t.number: (t.values, t.params) for t in before if t.state.name == "COMPLETE"}
    assert len(running) == 1 and len(complete) >= 4

    # A new process resumes the study: the dead process's trial becomes FAIL, nothing else changes.
    run_node("journal_writer.ts", journal, "crash", 3, "plain")
    after = optuna.load_study(study_name="crash", storage=journal_storage(journal)).trials
    assert [t.number for t in after] == list(range(len(before) + 3))
    dead = after[running[0].number]
    assert dead.state.name == "FAIL"
    assert "died" in dead.system_attrs["fail_reason"] and str(child.pid) in dead.system_attrs["fail_reason"]
    for number, (values, params) in complete.items():
        assert after[number].state.name == "COMPLETE"
        assert (after[number].values, after[number].params) == (values, params)
    assert not any(t.state.name == "RUNNING" for t in after)
    assert not (journal.parent / (journal.name + ".lock")).exists()


def test_two_processes_share_a_journal_without_losing_or_duplicating_trials(journal):
    run_node("journal_writer.ts", journal, "shared", 1, "plain")  # create the study first
    children = [subprocess.Popen(node_command("journal_writer.ts", journal, "shared", 25, "plain"),
                                 cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [c.communicate(timeout=60)[0] for c in children]
    assert all(c.returncode == 0 for c in children)
    reported = [json.loads(line)["number"] for out in outputs for line in out.splitlines()]
    assert len(reported) == 50 and len(set(reported)) == 50  # each process saw its own trials, no overlap

    trials = optuna.load_study(study_name="shared", storage=journal_storage(journal)).trials
    assert [t.number for t in trials] == list(range(51))
    assert all(t.state.name == "COMPLETE" for t in trials)
    assert sorted(reported) == list(range(1, 51))
    workers = {t.system_attrs["rnnlab:worker"]["pid"] for t in trials[1:]}
    assert workers == {c.pid for c in children}
