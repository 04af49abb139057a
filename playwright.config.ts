import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = 3100;
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

// A fresh data directory per run, so the demo data is loaded anew. Playwright
// loads this file again in each worker: the directory is chosen once, by the
// main process, and handed down through the environment.
const dataDir =
  process.env.ZHAOYIN_E2E_DATA_DIR ??
  path.resolve("data", `e2e-${new Date().toISOString().replace(/[:.]/g, "-")}`);
if (!process.env.ZHAOYIN_E2E_DATA_DIR) {
  process.env.ZHAOYIN_E2E_DATA_DIR = dataDir;
  if (!process.env.E2E_BASE_URL) {
    // Earlier runs' directories: keep a day's worth for post-mortems, drop the rest.
    const root = path.dirname(dataDir);
    for (const old of fs.existsSync(root) ? fs.readdirSync(root) : []) {
      const full = path.join(root, old);
      if (old.startsWith("e2e-") && Date.now() - fs.statSync(full).mtimeMs > 86_400_000) {
        fs.rmSync(full, { recursive: true, force: true });
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
  }
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    headless: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "npm start",
        url: `http://127.0.0.1:${port}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
        env: {
          PORT: String(port),
          ZHAOYIN_DATA_DIR: dataDir,
          ZHAOYIN_DEMO: "1",
        },
      },
});
