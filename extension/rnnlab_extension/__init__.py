"""rnnlab's JupyterLab extension, shipped as a prebuilt labextension (no JupyterLab rebuild needed)."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "rnnlab-extension"}]
