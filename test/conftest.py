"""Shared helpers for the integration tests: run cells on the real `rnnlab` kernel through jupyter_client."""
import queue
import time
from dataclasses import dataclass, field

import pytest
from jupyter_client.manager import KernelManager

KERNEL_NAME = "rnnlab"
STARTUP_TIMEOUT = 120
CELL_TIMEOUT = 180


@dataclass
class CellResult:
    reply: dict
    outputs: list = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.reply["content"]["status"]

    def of_type(self, msg_type: str) -> list:
        return [o for o in self.outputs if o["msg_type"] == msg_type]

    def stream(self, name: str = "stdout") -> str:
        return "".join(o["content"]["text"] for o in self.of_type("stream") if o["content"]["name"] == name)


class KernelSession:
    """A running rnnlab kernel and a blocking client that keeps every iopub message it sees."""

    def __init__(self, cwd: str):
        self.manager = KernelManager(kernel_name=KERNEL_NAME)
        self.manager.start_kernel(cwd=cwd)
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=STARTUP_TIMEOUT)
        self.iopub = []
        self.replies = {}

    def _pump_iopub(self, timeout: float) -> bool:
        try:
            self.iopub.append(self.client.get_iopub_msg(timeout=timeout))
            return True
        except queue.Empty:
            return False

    def messages_for(self, msg_id: str) -> list:
        return [m for m in self.iopub if m["parent_header"].get("msg_id") == msg_id]

    def is_idle(self, msg_id: str) -> bool:
        return any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle"
                   for m in self.messages_for(msg_id))

    def wait_idle(self, msg_id: str, timeout: float = CELL_TIMEOUT) -> list:
        deadline = time.monotonic() + timeout
        while not self.is_idle(msg_id):
            if time.monotonic() > deadline:
                raise TimeoutError(f"request {msg_id} did not finish in {timeout}s")
            self._pump_iopub(timeout=1)
        return [m for m in self.messages_for(msg_id) if m["msg_type"] != "status"]

    def drain(self, seconds: float) -> None:
        """Collects iopub messages for `seconds` (for output that arrives after a cell finished)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self._pump_iopub(timeout=0.2)

    def shell_reply(self, msg_id: str, timeout: float = CELL_TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while msg_id not in self.replies:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no shell reply to {msg_id}")
            reply = self.client.get_shell_msg(timeout=remaining)
            self.replies[reply["parent_header"].get("msg_id")] = reply
        return self.replies.pop(msg_id)

    def send(self, code: str, **kwargs) -> str:
        return self.client.execute(code, **kwargs)

    def result(self, msg_id: str, timeout: float = CELL_TIMEOUT) -> CellResult:
        reply = self.shell_reply(msg_id, timeout)
        return CellResult(reply=reply, outputs=self.wait_idle(msg_id, timeout))

    def execute(self, code: str, timeout: float = CELL_TIMEOUT, **kwargs) -> CellResult:
        return self.result(self.send(code, **kwargs), timeout)

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """An rnnlab kernel whose working folder has no node_modules of its own."""
    session = KernelSession(cwd=str(tmp_path_factory.mktemp("notebook-folder")))
    yield session
    session.close()
