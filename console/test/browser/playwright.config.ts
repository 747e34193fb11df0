import { defineConfig } from '@playwright/test';

/**
 * The console's browser tests: Debian's Chromium (never a browser Playwright downloads), headless, against a running
 * node whose REST URL is LEDGER_CONSOLE_URL (scripts/ledger test sets it to its test network's node). The flags keep
 * Chromium off every network but loopback, as this machine's closed network needs.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: '../../target/playwright',
  use: {
    baseURL: process.env['LEDGER_CONSOLE_URL'],
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env['LEDGER_CHROMIUM'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
    trace: 'retain-on-failure',
  },
});
