"""A journal whose last line was cut, a dangling lock link left by Python Optuna, and Python's
JournalFileOpenLock: rnnlab repairs or waits as it should, and Python Optuna reads the file afterwards."""
import os
import queue
import threading

import pytest
from optuna.storages.journal import JournalFileOpenLock, JournalFileSymlinkLock

from fault_helpers import events, fault_worker, python_trials


def test_a_cut_last_line_is_repaired_before_the_next_append(tmp_path):
    journal = tmp_path / "cut.log"
    fault_worker("journal", journal, "cut", 3).finish(timeout=60)
    whole = journal.read_bytes()
    with open(journal, "ab") as f:  # a writer killed in the middle of its line (or a full disk)
        f.write(b'{"op_code":5,"worker_id":"gone-0","trial_id":2,"step":7,"interme')
    assert [t.state.name for t in python_trials("journal", journal, "cut")] == ["COMPLETE"] * 3  # cut, still readable

    done = events(fault_worker("journal", journal, "cut", 2).finish(timeout=60), "done")
    assert [e["number"] for e in done] == [3, 4]
    trials = python_trials("journal", journal, "cut")
    assert [t.state.name for t in trials] == ["COMPLETE"] * 5
    assert 7 not in trials[2].intermediate_values
    assert journal.read_bytes().startswith(whole)
    assert (tmp_path / "cut.log.cut").read_bytes() == b'{"op_code":5,"worker_id":"gone-0","trial_id":2,"step":7,"interme\n'


def test_a_dangling_lock_link_left_by_python_is_broken_after_the_grace_period(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    JournalFileSymlinkLock("sub/j.log").acquire()  # a relative path: the link points at sub/sub/j.log
    lock = tmp_path / "sub" / "j.log.lock"
    assert os.path.islink(lock) and not os.path.exists(lock)  # dangling; Python itself spins on it forever
    done = events(fault_worker("journal", tmp_path / "sub" / "j.log", "dangling", 2, grace=1).finish(timeout=30), "done")
    assert len(done) == 2 and not os.path.lexists(lock)
    assert [t.state.name for t in python_trials("journal", tmp_path / "sub" / "j.log", "dangling")] == ["COMPLETE"] * 2


@pytest.mark.parametrize("python_lock", [JournalFileOpenLock, JournalFileSymlinkLock])
def test_a_lock_held_by_python_optuna_holds_rnnlab_off_until_released(tmp_path, python_lock):
    journal = tmp_path / "held.log"
    journal.touch()
    held = python_lock(str(journal), grace_period=None)
    held.acquire()
    worker = fault_worker("journal", journal, "held", 1, grace=3600)
    with pytest.raises(queue.Empty):
        worker.wait_for(lambda line: '"opened"' in line, timeout=1.5)  # creating the study waits for the lock
    assert journal.read_bytes() == b""
    held.release()
    worker.wait_for(lambda line: '"opened"' in line, timeout=30)
    worker.finish(timeout=30)
    assert [t.state.name for t in python_trials("journal", journal, "held")] == ["COMPLETE"]


def test_a_lock_held_by_rnnlab_holds_python_optuna_off(tmp_path):
    journal = tmp_path / "rnnlab-held.log"
    fault_worker("journal", journal, "mine", 1).finish(timeout=30)
    os.symlink(str(journal.resolve()), f"{journal}.lock")  # the lock as rnnlab takes it (a link to the absolute path)
    appended = threading.Event()

    def python_append():
        from optuna.storages.journal import JournalFileBackend

        JournalFileBackend(str(journal), lock_obj=JournalFileSymlinkLock(str(journal), grace_period=None)).append_logs([{"op_code": 0, "worker_id": "py-0", "study_name": "py", "directions": [1]}])
        appended.set()

    threading.Thread(target=python_append, daemon=True).start()
    assert not appended.wait(1.0)
    os.unlink(f"{journal}.lock")
    assert appended.wait(10)
    assert [t.state.name for t in python_trials("journal", journal, "mine")] == ["COMPLETE"]
