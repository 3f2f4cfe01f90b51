// Galata (Playwright) UI tests of the rnnlab extension, against JupyterLab from .venv in Debian's Chromium
// (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and an executablePath).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const ROOT = path.resolve(__dirname, '..', '..');
const VENV = process.env.RNNLAB_VENV ?? path.join(ROOT, '.venv');
// Workers load this file again: the port chosen by the main process travels in the environment.
process.env.RNNLAB_UI_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });",
])
  .toString()
  .trim();
const PORT = process.env.RNNLAB_UI_PORT;

module.exports = {
  ...baseConfig,
  testDir: './tests',
  outputDir: './test-results',
  timeout: 300_000,
  expect: { timeout: 60_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${PORT}`,
    video: 'off',
    trace: 'off',
    screenshot: 'off',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.RNNLAB_CHROMIUM ?? '/usr/lib/chromium/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `"${path.join(VENV, 'bin', 'jupyter')}" lab --config "${path.join(__dirname, 'jupyter_server_test_config.py')}"`,
    url: `http://127.0.0.1:${PORT}/lab`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
};
