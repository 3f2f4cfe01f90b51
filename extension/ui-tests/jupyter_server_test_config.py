"""JupyterLab server of the UI tests: Galata's test settings, the port chosen by playwright.config.js,
and a fresh temporary folder as the notebook root."""
import os
import tempfile

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821 (c is the config object jupyter passes in)
c.ServerApp.port = int(os.environ["RNNLAB_UI_PORT"])  # noqa: F821
c.ServerApp.root_dir = tempfile.mkdtemp(prefix="rnnlab-ui-")  # noqa: F821
c.ServerApp.allow_root = True  # noqa: F821
c.LabApp.news_url = None  # noqa: F821
c.LabServerApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"  # noqa: F821
