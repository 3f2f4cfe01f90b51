"""Every notebook in notebooks/ runs top to bottom on the rnnlab kernel with no error output."""
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbconvert import HTMLExporter

TRAINING_MIME = "application/vnd.rnnlab.training.v1+json"

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


@pytest.fixture(scope="module")
def smoke():
    return execute(Path(NOTEBOOKS[0]).parent / "00-smoke.ipynb")


def test_smoke_notebook_learns_the_task(smoke):
    text = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                   for cell in smoke.cells if cell.cell_type == "code" for o in cell.get("outputs", []))
    assert "Total params: 133,025" in text
    assert "backend: cpu" not in text  # the kernel chose wasm or a faster backend
    accuracy = float(text.split("final validation accuracy: ")[1].split()[0])
    assert accuracy > 0.75, text


def test_saved_notebook_holds_the_final_training_view_and_html_shows_fallbacks(smoke):
    views = [o for cell in smoke.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
             if TRAINING_MIME in o.get("data", {})]
    # nbclient applies update_display_data to the stored output, as JupyterLab does.
    assert len(views) == 1 and views[0]["data"][TRAINING_MIME]["status"] == "finished"
    assert len(views[0]["data"][TRAINING_MIME]["epochs"]) == 8
    html, _ = HTMLExporter().from_notebook_node(smoke)
    assert "<svg" in html  # the training chart drawn in the kernel
    assert "Layer (type)" in html and "133,025" in html  # the model summary table
