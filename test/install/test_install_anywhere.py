"""rnnlab installed as a user installs it, away from this repository: `npm pack` of the working tree,
`npm i -g` into a temporary prefix, the kernel spec in a temporary venv with JupyterLab, a notebook in an
unrelated folder (fitLive, a study with nJobs 2, the native kernel in use), `rnnlab worker` on a `.ts`
objective with the storage URL in OPTUNA_STORAGE, and `pip install` of the extension from a clean copy
of the tree (no node_modules, build isolation).

Needs the npm registry and PyPI (or their mirrors/caches), git and g++. Slow by nature — npm installs
rnnlab's dependencies (better-sqlite3 compiles) while pip builds the labextension in the background —
so it takes several minutes on 2 cores; each step prints its duration (`pytest -s`).
"""
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
JUPYTERLAB = next(line for line in (ROOT / "requirements.txt").read_text().splitlines() if line.startswith("jupyterlab=="))
TRAINING_MIME = "application/vnd.rnnlab.training.v1+json"


def user_env(tmp: Path, **extra) -> dict:
    """The environment of a user's shell: none of npm's script variables, rnnlab's test switches or
    this repository's Jupyter folders; per-user Jupyter folders inside `tmp`."""
    env = {k: v for k, v in os.environ.items()
           if not k.lower().startswith("npm_") and not k.startswith(("RNNLAB_", "JUPYTER", "VIRTUAL_ENV", "NODE_PATH"))}
    env.update(JUPYTER_DATA_DIR=str(tmp / "jupyter-data"), JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"),
               JUPYTER_RUNTIME_DIR=str(tmp / "jupyter-runtime"))
    env.update(extra)
    return env


def run(command, cwd, env, timeout=900):
    started = time.monotonic()
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    print(f"[{time.monotonic() - started:5.1f} s] {' '.join(map(str, command))}")
    assert result.returncode == 0, f"{command} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("install-anywhere")


@pytest.fixture(scope="module")
def venv(tmp):
    """A venv with JupyterLab (wheels from pip's cache), like a user's own Jupyter."""
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", venv], tmp, user_env(tmp))
    run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", JUPYTERLAB], tmp, user_env(tmp))
    return venv


@pytest.fixture(scope="module")
def extension_install(tmp, venv):
    """`pip install` of the extension from a clean copy of the tree, started in the background (it
    overlaps the npm install of rnnlab); the test of the extension waits for it."""
    tree = clean_copy(tmp / "clean-tree")
    assert not (tree / "node_modules").exists() and not (tree / "extension" / "rnnlab_extension" / "labextension").exists()
    env = user_env(tmp, PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}")
    log = tmp / "pip-install-extension.log"
    with open(log, "w") as out:
        process = subprocess.Popen([venv / "bin" / "python", "-m", "pip", "install", "--disable-pip-version-check", tree / "extension"],
                                   cwd=tmp, env=env, stdout=out, stderr=subprocess.STDOUT)
    yield process, log, env, time.monotonic()
    if process.poll() is None:
        process.kill()


@pytest.fixture(scope="module")
def prefix(tmp, extension_install):
    """A global npm prefix with rnnlab installed from a tarball of the working tree."""
    packed = run(["npm", "pack", "-w", "kernel", "--pack-destination", tmp, "--json"], ROOT, user_env(tmp))
    tarball = tmp / json.loads(packed.stdout)[0]["filename"]
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
    for shipped in ["package/README.md", "package/LICENSE", "package/dist/index.js", "package/dist/index.d.ts",
                    "package/assets/logo-64x64.png", "package/native/install.mjs"]:
        assert shipped in names, f"{shipped} is not in {tarball.name}"
    prefix = tmp / "prefix"
    installed = run(["npm", "install", "--global", "--prefix", prefix, "--allow-scripts=rnnlab,better-sqlite3",
                     "--foreground-scripts", "--no-audit", "--no-fund", tarball], tmp, user_env(tmp))
    assert "rnnlab: native kernel ready" in installed.stdout, installed.stdout[-3000:]
    return prefix


def bin_env(tmp, prefix, venv, **extra):
    return user_env(tmp, PATH=f"{prefix / 'bin'}{os.pathsep}{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", **extra)


def test_kernel_spec_installs_into_a_venv_with_logos(tmp, prefix, venv):
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    env = bin_env(tmp, prefix, venv)
    assert "rnnlab-kernel install [--user | --sys-prefix | --prefix PATH]" in run(["rnnlab-kernel", "--help"], elsewhere, env).stdout
    out = run(["rnnlab-kernel", "install", "--sys-prefix", "--python", venv / "bin" / "python"], elsewhere, env).stdout
    spec_dir = venv / "share" / "jupyter" / "kernels" / "rnnlab"
    assert out.strip() == f"Installed kernel spec rnnlab in {spec_dir}"
    assert sorted(p.name for p in spec_dir.iterdir()) == ["kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg"]
    assert json.loads((spec_dir / "kernel.json").read_text())["argv"][1] == str(prefix / "lib" / "node_modules" / "rnnlab" / "bin" / "rnnlab-kernel.js")
    specs = json.loads(run([venv / "bin" / "jupyter", "kernelspec", "list", "--json"], elsewhere, env).stdout)["kernelspecs"]
    assert specs["rnnlab"]["resource_dir"] == str(spec_dir)
    # The default, --user, writes into the user's Jupyter data folder.
    run(["rnnlab-kernel", "install"], elsewhere, env)
    assert (tmp / "jupyter-data" / "kernels" / "rnnlab" / "logo-64x64.png").is_file()


NOTEBOOK_CELLS = [
    # The objective sits in the cell of the imports: a function defined in a later cell reaches imported
    # names as `exports.name`, which worker threads cannot rebuild yet (parallel/portable.ts).
    """import { buildRnnProgressive, compileRnn, createStudy, fitLive, rnnKernelInfo, type Trial } from "rnnlab";
import * as tf from "@tensorflow/tfjs";
async function objective(trial: Trial) {
  const units = trial.suggestInt("units", 2, 4);
  const m = compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: units, numLayers: 1, seed: 0 }), {});
  await m.fit(tf.ones([8, 4, 2]), tf.ones([8, 1]), { epochs: 1, verbose: 0 });
  trial.setUserAttr("kernel", rnnKernelInfo().kernel);
  trial.setUserAttr("thread", require("node:worker_threads").threadId);
  return units;
}
console.log("kernel:", rnnKernelInfo().kernel);""",
    """const x = tf.randomNormal([32, 6, 3], 0, 1, "float32", 1);
const y = tf.tensor2d(Array.from({ length: 32 }, (_, i) => [i % 2]));
const model = compileRnn(buildRnnProgressive({ inputShape: [6, 3], initialUnits: 8, numLayers: 2, seed: 1 }), {});
const history = await fitLive(model, x, y, { epochs: 2, batchSize: 8 });
console.log("epochs:", history.epoch.length);""",
    """const study = await createStudy({ direction: "maximize" });
await study.optimize(objective, { nTrials: 4, nJobs: 2, show: false });
console.log("trials:", JSON.stringify(study.trials.map((t) => [t.state, t.userAttrs.kernel, t.userAttrs.thread])));""",
]


def test_a_notebook_in_an_unrelated_folder_imports_rnnlab_and_trains_on_the_native_kernel(tmp, prefix, venv):
    folder = tmp / "notebooks-elsewhere"
    folder.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in NOTEBOOK_CELLS],
                                  metadata={"kernelspec": {"name": "rnnlab", "display_name": "TypeScript (rnnlab)", "language": "typescript"}})
    nbformat.write(nb, folder / "try.ipynb")
    env = bin_env(tmp, prefix, venv)
    run(["rnnlab-kernel", "install", "--prefix", venv], folder, env)
    run([venv / "bin" / "jupyter", "nbconvert", "--to", "notebook", "--execute", "--inplace",
         "--ExecutePreprocessor.timeout=300", "try.ipynb"], folder, env)
    done = nbformat.read(folder / "try.ipynb", as_version=4)
    outputs = [[o for o in cell.outputs] for cell in done.cells]
    errors = [o for cell in outputs for o in cell if o.output_type == "error" or o.get("name") == "stderr"]
    assert errors == [], errors
    text = ["".join(o.text for o in cell if o.output_type == "stream") for cell in outputs]
    assert text[0] == "kernel: native\n"
    assert text[1] == "epochs: 2\n"
    assert any(TRAINING_MIME in o.get("data", {}) for o in outputs[1]), "no live training view"
    trials = json.loads(text[2].removeprefix("trials: "))
    assert [(state, kernel) for state, kernel, _thread in trials] == [("COMPLETE", "native")] * 4
    threads = {thread for *_, thread in trials}
    assert 0 not in threads and len(threads) == 2, threads


WORKER_OBJECTIVE = """import { buildRnnProgressive, type Trial } from "rnnlab";
import { scale } from "./helper";

export async function objective(trial: Trial): Promise<number> {
  const units: number = trial.suggestInt("units", 2, 6);
  return scale * buildRnnProgressive({ inputShape: [4, 2], initialUnits: units, numLayers: 1 }).countParams();
}
"""


def test_worker_runs_a_typescript_objective_with_the_storage_url_from_optuna_storage(tmp, prefix, venv):
    folder = tmp / "worker-elsewhere"
    folder.mkdir()
    (folder / "objective.ts").write_text(WORKER_OBJECTIVE)
    (folder / "helper.ts").write_text("export const scale: number = 2;\n")
    env = bin_env(tmp, prefix, venv, OPTUNA_STORAGE="sqlite:///studies.db")
    out = run(["rnnlab", "worker", "--study", "s", "--objective", "./objective.ts", "--n-trials", "3", "--direction", "maximize"],
              folder, env).stdout
    assert "worker" in out and "on sqlite:///studies.db" in out, out
    assert out.count(": COMPLETE value=") == 3, out
    assert (folder / "studies.db").is_file()


def clean_copy(destination: Path) -> Path:
    """The working tree's files that git tracks or would track (no node_modules, builds or venvs)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source, target = ROOT / name, destination / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        else:
            shutil.copy2(source, target)
    return destination


def test_pip_installs_the_extension_from_a_clean_copy_with_build_isolation(tmp, extension_install):
    process, log, env, started = extension_install
    status = process.wait(timeout=1200)
    print(f"[{time.monotonic() - started:5.1f} s] pip install <clean copy>/extension (from the start, in the background)")
    assert status == 0, log.read_text()[-5000:]
    listed = run([tmp / "venv" / "bin" / "jupyter", "labextension", "list"], tmp, env)
    line = next(line for line in (listed.stdout + listed.stderr).splitlines() if "rnnlab-extension" in line)
    assert "enabled" in line and "OK" in line, line
