"""Every notebook in notebooks/ runs top to bottom on the rnnlab kernel with no error output."""
import os
import re
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


_executed = {}


def executed(name):
    """Each notebook runs once per test session (quick mode)."""
    if name not in _executed:
        _executed[name] = execute(NOTEBOOKS[0].parent / name)
    return _executed[name]


def printed(nb) -> str:
    return "".join(o.get("text", "") for cell in nb.cells if cell.cell_type == "code"
                   for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def number_after(text, label):
    match = re.search(re.escape(label) + r"\s*(-?[0-9.]+|NaN)", text)
    assert match, f"no '{label}' in the output:\n{text[-2000:]}"
    return float(match.group(1))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(path):
    nb = executed(path.name)
    assert outputs_of(nb, "error") == []
    assert outputs_of(nb, "stderr") == []


# Always answering "dry" scores 0.633 on the test part; the documented floor for quick mode is 0.65.
DRY_BASELINE = 0.633


def test_01_both_architectures_beat_the_dry_baseline():
    text = printed(executed("01-progressive-vs-fixed.ipynb"))
    assert number_after(text, "test accuracy — progressive:") >= 0.65
    assert number_after(text, "fixed:") >= 0.65


@pytest.mark.parametrize("name", ["02-grid-search.ipynb", "03-randomized-search.ipynb"])
def test_searches_score_every_candidate_and_the_best_generalises(name):
    text = printed(executed(name))
    assert "Best Parameters:" in text
    assert 0.5 <= number_after(text, "best cross-validated accuracy:") <= 1
    assert number_after(text, "test accuracy of the best candidate:") >= 0.65


def test_05_final_model_saves_loads_and_the_regression_beats_no_change():
    text = printed(executed("05-final-model-and-regression.ipynb"))
    assert number_after(text, "test accuracy:") >= 0.65
    assert "reloaded model gives the same test predictions: true" in text
    # Predicting no change scores 1.41 ppm on the test months.
    assert number_after(text, "test RMSE:") < 1.0


def test_same_seed_prints_the_same_results_on_a_rerun():
    first = printed(executed("03-randomized-search.ipynb"))
    again = printed(execute(NOTEBOOKS[0].parent / "03-randomized-search.ipynb"))
    assert first == again


@pytest.fixture(scope="module")
def smoke():
    return executed("00-smoke.ipynb")


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


def test_04_study_resumes_from_its_journal_which_python_optuna_opens():
    text = printed(executed("04-tpe-study.ipynb"))
    assert "resumed with 2 trials from the journal" in text
    assert "after resuming: 4 trials" in text
    assert 0 <= number_after(text, "Best Accuracy:") <= 1
    assert "importance:" in text
    import optuna
    path = NOTEBOOKS[0].parent / "studies" / "rain-tpe.log"
    storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(str(path)))
    study = optuna.load_study(study_name="rain-tpe", storage=storage)
    assert len(study.trials) == 4
    assert {t.state.name for t in study.trials} <= {"COMPLETE", "PRUNED"}
    assert set(study.best_params) == {"cellType", "initialUnits", "numLayers", "dropoutRate", "learningRate", "batchSize", "epochs"}
