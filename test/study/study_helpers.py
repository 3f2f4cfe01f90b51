"""Helpers for the study tests: run rnnlab's journal scripts with Node, read journals with Optuna."""
import json
import math
import os
import subprocess
from pathlib import Path

import optuna

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

optuna.logging.set_verbosity(optuna.logging.WARNING)


def node_command(script: str, *args) -> list:
    return ["node", "--import", "tsx", str(HERE / script), *map(str, args)]


def run_node(script: str, *args, timeout: float = 60) -> str:
    done = subprocess.run(node_command(script, *args), cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    return done.stdout


def journal_storage(path) -> optuna.storages.JournalStorage:
    return optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(str(path)))


def read_with_rnnlab(path, study_name: str) -> dict:
    return json.loads(run_node("journal_reader.ts", path, study_name))


def same_number(a, b) -> bool:
    """Equal numbers, with the reader's strings for non-finite values."""
    if isinstance(b, str):
        return str(a) in {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}.get(b, b) or (
            b == "NaN" and math.isnan(a)) or (b == "Infinity" and a == math.inf) or (b == "-Infinity" and a == -math.inf)
    return a == b
