"""Every TypeScript block of the README runs as written, in order, in one real rnnlab kernel (as a notebook)."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = re.findall(r"^```ts\n(.*?)^```", (ROOT / "README.md").read_text(), flags=re.S | re.M)
STUDY_MIME = "application/vnd.rnnlab.study.v1+json"


def first_line(block: str) -> str:
    return next(line for line in block.splitlines() if line and not line.startswith(("import", "//")))[:60]


def test_the_readme_has_typescript_examples():
    assert len(BLOCKS) >= 7


@pytest.fixture(scope="module")
def results(kernel):
    """Runs the blocks in order; a failing block stops the rest (later blocks use earlier names)."""
    out = []
    for block in BLOCKS:
        result = kernel.execute(block, timeout=600)
        out.append(result)
        if result.status != "ok":
            break
    return out


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=[first_line(b) for b in BLOCKS])
def test_block_runs_as_written(results, index):
    assert index < len(results), "an earlier README block failed"
    result = results[index]
    content = result.reply["content"]
    assert result.status == "ok", f"README block {index + 1} failed: {content.get('ename')}: {content.get('evalue')}\n{BLOCKS[index]}"
    assert not [o for o in result.outputs if o["msg_type"] == "error"]


def block_output(results, needle):
    index = next(i for i, b in enumerate(BLOCKS) if needle in b)
    return results[index]


def test_the_search_block_predicts_and_scores_with_the_refit_candidate(results):
    text = block_output(results, "grid.predict(xTest)").stream()
    accuracy = re.search(r"Test accuracy: ([0-9.]+) = ([0-9.]+)", text)
    assert accuracy and accuracy.group(1) == accuracy.group(2), text
    assert re.search(r"^\s+precision\s+recall\s+f1-score\s+support$", text, flags=re.M), text


def test_the_metrics_block_ends_with_a_report_table(results):
    result = block_output(results, "classificationReport(yTest, yPred, { asTable: true })")
    shown = [o for o in result.outputs if o["msg_type"] == "execute_result"]
    assert shown and "rnnlab-classification-report" in shown[-1]["content"]["data"]["text/html"]


def test_the_study_block_keeps_the_seed_objective_and_a_sqlite_url(results, kernel):
    text = block_output(results, "study.optimize(objective").stream()
    best = re.search(r"Best Accuracy: ([0-9.]+) = ([0-9.]+)", text)
    assert best and best.group(1) == best.group(2), text
    check = kernel.execute('const n = (await getAllStudySummaries({ storage: "sqlite:///studies.db" })).find((s) => s.studyName === "rnn")!.nTrials;\nconsole.log(n);')
    assert check.status == "ok" and check.stream().strip() == "9", check.stream()  # 8 trials + the added one


def test_the_callbacks_block_restores_the_best_epoch(results):
    text = block_output(results, "new EarlyStopping({ monitor: \"val_loss\", patience: 3").stream()
    assert re.search(r"best epoch: \d+ stopped after epoch: \d+", text), text
