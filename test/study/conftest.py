"""Fixtures of the study tests."""
import pytest


@pytest.fixture
def journal(tmp_path):
    """A journal file path in a fresh folder."""
    return tmp_path / "journal.log"
