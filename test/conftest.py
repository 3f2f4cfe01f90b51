"""Shared helpers for the integration tests: run cells on the real `rnnlab` kernel through jupyter_client."""
import queue
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

    def stream(self, name: str = "stdout") -> str:
        return "".join(o["content"]["text"] for o in self.outputs
                       if o["msg_type"] == "stream" and o["content"]["name"] == name)


class KernelSession:
    """A running rnnlab kernel and a blocking client for it."""

    def __init__(self, cwd: str):
        self.manager = KernelManager(kernel_name=KERNEL_NAME)
        self.manager.start_kernel(cwd=cwd)
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=STARTUP_TIMEOUT)

    def execute(self, code: str, timeout: float = CELL_TIMEOUT) -> CellResult:
        msg_id = self.client.execute(code)
        outputs = []
        while True:
            try:
                msg = self.client.get_iopub_msg(timeout=timeout)
            except queue.Empty:
                raise TimeoutError(f"cell did not finish in {timeout}s: {code[:80]}")
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] != "status":
                outputs.append(msg)
        while True:
            reply = self.client.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return CellResult(reply=reply, outputs=outputs)

    def close(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """An rnnlab kernel whose working folder has no node_modules of its own."""
    session = KernelSession(cwd=str(tmp_path_factory.mktemp("notebook-folder")))
    yield session
    session.close()
