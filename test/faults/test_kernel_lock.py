"""A notebook cell waiting for a journal lock that Python Optuna holds: the kernel keeps answering, and
an interrupt ends the cell; once the lock is released, the study opens."""
import json
import threading
import time

from optuna.storages.journal import JournalFileOpenLock


def test_a_cell_waiting_for_a_held_journal_lock_can_be_interrupted(kernel, tmp_path):
    journal = tmp_path / "held.log"
    journal.touch()
    lock = JournalFileOpenLock(str(journal), grace_period=None)
    lock.acquire()
    try:
        assert kernel.execute('import { createStudy, JournalFileStorage } from "rnnlab";').status == "ok"
        msg_id = kernel.send(f"const waiting = await createStudy({{ studyName: 'held', storage: new JournalFileStorage({json.dumps(str(journal))}) }});")
        time.sleep(1.0)
        info = kernel.client.kernel_info(reply=False)  # the kernel answers while the cell waits
        assert kernel.shell_reply(info, timeout=10)["content"]["status"] == "ok"
        kernel.manager.interrupt_kernel()
        result = kernel.result(msg_id, timeout=30)
        assert result.reply["content"]["ename"] == "KeyboardInterrupt"
        assert journal.read_bytes() == b""
    finally:
        threading.Timer(0.5, lock.release).start()
    opened = kernel.execute(f"const again = await createStudy({{ studyName: 'held', loadIfExists: true, storage: new JournalFileStorage({json.dumps(str(journal))}) }}); again.studyName")
    assert opened.status == "ok", opened.reply
    assert opened.of_type("execute_result")[0]["content"]["data"]["text/plain"] == "held"
