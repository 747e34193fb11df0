import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The running node the browser tests drive: its REST URL, tokens from its development sign-in, seeded data. */

export const baseUrl = (): string => {
  const url = process.env['LEDGER_CONSOLE_URL'];
  if (!url) {
    throw new Error('LEDGER_CONSOLE_URL is not set: the browser tests need a running node (scripts/ledger test starts one)');
  }
  return url;
};

export async function token(role: string, extra: { accounts?: string[]; jurisdiction?: string } = {}): Promise<string> {
  const response = await fetch(`${baseUrl()}/console/dev-sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, accounts: extra.accounts ?? [], jurisdiction: extra.jurisdiction ?? null }) });
  const body = (await response.json()) as { token: string };
  if (!response.ok) {
    throw new Error(`dev sign-in as ${role} answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.token;
}

export async function call<T>(method: string, path: string, bearer: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, { method, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json',
    'Idempotency-Key': crypto.randomUUID() }, body: body === undefined ? null : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return JSON.parse(text) as T;
}

/** One reconciliation now, publishing its signed reports (scripts/ledger reconcile against the test network). */
export function reconcileNow(): void {
  const home = process.env['LEDGER_HOME'];
  if (!home) {
    throw new Error('LEDGER_HOME is not set: reports are published by the test network\'s reconciler');
  }
  execFileSync(join(process.cwd(), '..', 'scripts', 'ledger'), ['reconcile'], { stdio: 'inherit', env: process.env, timeout: 300_000 });
}

/** Where the README's screenshots go: docs/console/ of the repository. */
export const screenshots = join(process.cwd(), '..', 'docs', 'console');
