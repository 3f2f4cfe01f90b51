"""Builds the labextension inside the wheel build, so that `pip install ./extension` (or of the sdist)
works from a clean checkout with build isolation: npm installs the JavaScript build tools, `tsc`
compiles `src/`, and `jupyter-builder` bundles it against the JupyterLab that pyproject.toml lists as a
build requirement (its `staging/package.json` names the shared packages). Skipped when
`rnnlab_extension/labextension` is newer than every source file (`npm start` / `npm test` build it first).
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

OUTPUT = Path("rnnlab_extension", "labextension", "static", "style.js")
SOURCES = ["src", "style", "schema", "package.json", "tsconfig.json", "webpack.config.js"]


def _newest_source(root: Path) -> float:
    times = [0.0]
    for name in SOURCES:
        path = root / name
        files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()] if path.is_dir() else []
        times += [f.stat().st_mtime for f in files]
    return max(times)


def _workspace_root(root: Path) -> Path | None:
    """The npm workspace that lists this folder (the rnnlab repository), or None (an unpacked sdist)."""
    manifest = root.parent / "package.json"
    if not manifest.is_file():
        return None
    workspaces = json.loads(manifest.read_text()).get("workspaces", [])
    return root.parent if root.name in workspaces else None


def _run(command: list[str], cwd: Path) -> None:
    print(f"rnnlab-extension build: {' '.join(command)}", file=sys.stderr, flush=True)
    subprocess.run(command, cwd=cwd, check=True)


class LabExtensionBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        root = Path(self.root)
        output = root / OUTPUT
        if self.target_name != "wheel" or (output.exists() and output.stat().st_mtime > _newest_source(root)):
            return
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("building rnnlab-extension needs Node.js >= 20 and npm on PATH")
        workspace = _workspace_root(root)
        modules = (workspace or root) / "node_modules"
        if not (modules / "typescript").is_dir() or not (modules / "@jupyterlab" / "builder").is_dir():
            if workspace is not None:
                # The repository: the extension's packages at the versions of its package-lock.json.
                _run([npm, "install", "--workspace", root.name, "--no-save", "--no-audit", "--no-fund"], workspace)
            else:
                _run([npm, "install", "--no-audit", "--no-fund"], root)
        _run([shutil.which("node") or "node", str(modules / "typescript" / "bin" / "tsc"), "-p", "tsconfig.json"], root)
        import jupyterlab

        core = Path(jupyterlab.__file__).parent / "staging" / "package.json"
        builder = shutil.which("jupyter-builder", path=str(Path(sys.executable).parent)) or shutil.which("jupyter-builder")
        if builder is None:
            raise RuntimeError("jupyter-builder (a dependency of jupyterlab) is not installed in the build environment")
        _run([builder, "build", "--core-package-file", str(core), "."], root)
        if not output.exists():
            raise RuntimeError(f"the labextension build did not write {output}")
