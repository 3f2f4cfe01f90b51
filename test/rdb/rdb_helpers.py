"""Helpers for the RDB tests: run rnnlab's node scripts against a database URL."""
import json
import os
import subprocess
from pathlib import Path

import optuna

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

optuna.logging.set_verbosity(optuna.logging.WARNING)


def node_command(script: str, *args) -> list:
    return ["node", "--import", "tsx", str(HERE / script), *map(str, args)]


def run_node(script: str, *args, timeout: float = 60, env: dict | None = None) -> str:
    done = subprocess.run(node_command(script, *args), cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def read_with_rnnlab(url: str, study_name: str) -> dict:
    return json.loads(run_node("rdb_reader.ts", url, study_name))


def python_value(v):
    """A number from the reader's JSON (non-finite numbers come as strings)."""
    return float(v) if isinstance(v, str) else v
