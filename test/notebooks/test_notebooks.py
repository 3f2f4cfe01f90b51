"""Every notebook in notebooks/ runs top to bottom on the rnnlab kernel with no error output."""
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    os.environ.setdefault("RNNLAB_QUICK", "1")
    client = NotebookClient(nb, timeout=600, kernel_name=nb.metadata["kernelspec"]["name"],
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def outputs_of(nb, kind):
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
            if o.get("output_type") == kind or (kind == "stderr" and o.get("name") == "stderr")]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(path):
    nb = execute(path)
    assert outputs_of(nb, "error") == []
    assert outputs_of(nb, "stderr") == []


def test_smoke_notebook_learns_the_task():
    nb = execute(Path(NOTEBOOKS[0]).parent / "00-smoke.ipynb")
    text = "".join(o.get("text", "") for cell in nb.cells if cell.cell_type == "code"
                   for o in cell.get("outputs", []))
    assert "Total params: 133025" in text
    assert "backend: cpu" not in text  # the kernel chose wasm or a faster backend
    accuracy = float(text.split("final validation accuracy: ")[1].split()[0])
    assert accuracy > 0.75, text
