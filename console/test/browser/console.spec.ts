import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseUrl, call, reconcileNow, screenshots, token } from './node';

/**
 * Each role signs in through the console's own sign-in page, finds its work, and is refused what it may not see, on a
 * real node (Fabric network, mirror, reconciler). Data is seeded through the API with names of this run only.
 */

const run = Date.now().toString(36).toUpperCase();
const asset = `CN${run.slice(-6)}`;
const alice = `alice-${run.toLowerCase()}`;
const bob = `bob-${run.toLowerCase()}`;
const carol = `carol-${run.toLowerCase()}`;
const reference = `console-e2e-${run.toLowerCase()}`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  const issuer = await token('issuer');
  const operator = await token('operator');
  await call('POST', '/v1/assets', issuer, { code: asset, decimals: 2 });
  for (const [id, jurisdiction] of [[alice, 'DE'], [bob, 'DE'], [carol, 'FR']] as const) {
    await call('POST', '/v1/accounts', operator, { id, asset, ownerRef: `owner-${id}`, jurisdiction });
  }
  await call('POST', '/v1/mint', issuer, { account: alice, amount: '100000' });
});

/** No serious or critical WCAG 2.1 A/AA finding of axe-core on the page as it is now (labels, contrast, roles, ...). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  expect(serious).toEqual([]);
}

async function signInAs(page: Page, role: string, fill: { accounts?: string; jurisdiction?: string } = {}) {
  const answer = await page.goto('/console/');
  const policy = answer?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  if (fill.accounts !== undefined) {
    await page.getByLabel('Accounts of the account holder').fill(fill.accounts);
  }
  if (fill.jurisdiction !== undefined) {
    await page.getByLabel("Regulator's jurisdiction").fill(fill.jurisdiction);
  }
  await page.getByRole('button', { name: new RegExp(`Sign in as ${role}`) }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('an account holder sees its balance, sends a transfer that appears in its history after commit, and cannot open another account', async ({ page }) => {
  await signInAs(page, 'Account holder', { accounts: alice });
  await expect(page).toHaveURL(new RegExp(`/console/accounts/${alice}$`));
  await expect(page.getByTestId('balance')).toHaveText(`1,000.00 ${asset}`);

  await page.getByLabel('To account').fill(bob);
  await page.getByLabel(`Amount (${asset})`).fill('12.34');
  await page.getByLabel('Reference').fill(reference);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('transfer-result')).toContainText('Committed in block');
  await expect(page.getByTestId('history')).toContainText(reference);
  await expect(page.getByTestId('history')).toContainText(`12.34 ${asset}`);
  await expect(page.getByTestId('balance')).toHaveText(`987.66 ${asset}`);
  await page.screenshot({ path: join(screenshots, 'wallet.png'), fullPage: true });
  await expectAccessible(page);

  const statement = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const pdf = await statement;
  expect(pdf.suggestedFilename()).toMatch(new RegExp(`^statement-${alice}-.*\\.pdf$`));
  const bytes = readFileSync(await pdf.path());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The token is in this tab's storage, never in the address bar.
  expect(page.url()).not.toContain('eyJ');
  await page.goto(`/console/accounts/${bob}`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('NOT_FOUND');
  const wallet = await token('wallet', { accounts: [alice] });
  const api = await fetch(`${baseUrl()}/v1/accounts/${bob}`, { headers: { Authorization: `Bearer ${wallet}` } });
  expect(api.status).toBe(404);
});

test('an auditor sees the linked blocks, verifies a proof in the page, and a tampered proof fails visibly', async ({ page }) => {
  await signInAs(page, 'Auditor');
  await expect(page).toHaveURL(/\/console\/blocks$/);
  await expect(page.getByText('✔ linked').first()).toBeVisible();
  await expect(page.getByText('✘ broken')).toHaveCount(0);
  await page.screenshot({ path: join(screenshots, 'auditor.png'), fullPage: true });
  await expectAccessible(page);

  const auditor = await token('auditor');
  const history = await call<{ entries: { txId: string; reference: string | null }[] }>('GET', `/v1/accounts/${alice}/transactions`, auditor);
  const txId = history.entries.find((entry) => entry.reference === reference)?.txId;
  expect(txId).toBeDefined();
  await page.goto(`/console/transactions/${txId}`);
  await expect(page.getByText('VALID', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Verify proof in this browser' }).click();
  await expect(page.locator('.verdict.pass')).toContainText('Proof: verified', { timeout: 60_000 });
  await expect(page.locator('.checks li.fail')).toHaveCount(0);
  await page.screenshot({ path: join(screenshots, 'auditor-proof.png'), fullPage: true });

  // The auditor's own roots replace the node's list: with only Org1's root, the orderer's and Org2's signatures are
  // not trusted, and the page says so.
  const consortium = await call<{ roots: { organization: string; certificatePem: string }[] }>('GET', '/v1/consortium', auditor);
  const org1Only = consortium.roots.filter((root) => root.organization.startsWith('org1.')).map((root) => root.certificatePem).join('\n');
  expect(org1Only).toContain('BEGIN CERTIFICATE');
  await page.getByText('Root certificates:').click();
  await page.getByLabel('or paste them').fill(org1Only);
  await page.getByRole('button', { name: 'Verify proof in this browser' }).click();
  await expect(page.locator('.verdict.fail')).toContainText('NOT verified', { timeout: 60_000 });
  await page.getByLabel('or paste them').fill('');
  await page.getByRole('button', { name: 'Verify proof in this browser' }).click();
  await expect(page.locator('.verdict.pass')).toContainText('Proof: verified', { timeout: 60_000 });

  // The same bundle with one byte of its block changed on the way: the page's own checks catch it.
  await page.route('**/v1/proofs/**', async (route) => {
    const response = await route.fetch();
    const bundle = (await response.json()) as { block: { protobuf: string } };
    const bytes = Buffer.from(bundle.block.protobuf, 'base64');
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0x01;
    bundle.block.protobuf = bytes.toString('base64');
    await route.fulfill({ response, json: bundle });
  });
  await page.getByRole('button', { name: 'Verify proof in this browser' }).click();
  await expect(page.locator('.verdict.fail')).toContainText('NOT verified', { timeout: 60_000 });
  await expect(page.locator('.checks li.fail').first()).toBeVisible();
});

test('a regulator finds only its jurisdiction\'s reports, downloads one, verifies its signature in the page, and is refused another jurisdiction\'s account', async ({ page }) => {
  reconcileNow();
  await signInAs(page, 'Regulator', { jurisdiction: 'DE' });
  await expect(page).toHaveURL(/\/console\/reports$/);
  const reports = page.locator('article.card');
  await expect(reports.first()).toBeVisible();
  await expect(page.locator('article.card h2', { hasText: '· FR' })).toHaveCount(0);
  const first = reports.filter({ hasText: '· DE' }).first();
  const download = page.waitForEvent('download');
  await first.getByRole('button', { name: 'manifest.json', exact: true }).click();
  expect((await download).suggestedFilename()).toContain('manifest.json');
  await first.getByRole('button', { name: 'Verify signature in this browser' }).click();
  await expect(first.locator('.verdict.pass')).toContainText('Report: verified', { timeout: 60_000 });
  await page.screenshot({ path: join(screenshots, 'regulator.png'), fullPage: true });
  await expectAccessible(page);

  // Pinned to another org's CA (the regulator's own copy of Org2's), the same signature does not verify.
  const regulatorToken = await token('regulator', { jurisdiction: 'DE' });
  const consortium = await call<{ roots: { organization: string; certificatePem: string }[] }>('GET', '/v1/consortium', regulatorToken);
  const org2 = consortium.roots.find((root) => root.organization.startsWith('org2.'))?.certificatePem ?? '';
  await first.getByLabel('or paste your own copy of the CA certificate (PEM)').fill(org2);
  await first.getByRole('button', { name: 'Verify signature in this browser' }).click();
  await expect(first.locator('.verdict.fail')).toContainText('Report: NOT verified', { timeout: 60_000 });

  await page.goto(`/console/accounts/${carol}`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await page.goto('/console/alerts');
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
});

test('an operator sees the processes and the chain beside the mirror, and freezes an account only after confirming', async ({ page }) => {
  await signInAs(page, 'Operator');
  await expect(page).toHaveURL(/\/console\/node$/);
  await expect(page.getByTestId('chain-height')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('mirror-height')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('processes').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: /node-service/ }).first()).toBeVisible();
  await page.screenshot({ path: join(screenshots, 'operator.png'), fullPage: true });
  await expectAccessible(page);

  await page.goto(`/console/accounts/${bob}`);
  await expect(page.getByTestId('status')).toHaveText('ACTIVE');
  await page.getByRole('button', { name: 'Freeze' }).click();
  await expect(page.getByTestId('status')).toHaveText('ACTIVE');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('status')).toHaveText('FROZEN');
});

test('the console fits a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'Account holder', { accounts: alice });
  await expect(page.getByTestId('balance')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(screenshots, 'wallet-phone.png'), fullPage: true });
});

test('signing in through an identity provider runs the code flow with PKCE and keeps the code and token out of the address bar', async ({ page }) => {
  // A simulated provider at https://idp.example, answered inside the browser: its discovery document, an authorize
  // endpoint that approves at once, and a token endpoint that checks the PKCE verifier against the challenge it got.
  const issuer = 'https://idp.example';
  const accessToken = await token('auditor');
  let challenge = '';
  let verified = false;
  await page.route('**/console/config.json', (route) => route.fulfill({ json: { devSignIn: false,
    oidc: { issuer, clientId: 'ledger-console', scope: 'openid', audience: 'ledger-node' } } }));
  // The node's policy with this provider configured names its origin in connect-src (ConsoleServiceTest pins that).
  await page.route((url) => url.pathname === '/console/' || url.pathname === '/console/callback', async (route) => {
    const response = await route.fetch();
    const policy = (response.headers()['content-security-policy'] ?? '').replace("connect-src 'self'", `connect-src 'self' ${issuer}`);
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.route(`${issuer}/.well-known/openid-configuration`, (route) => route.fulfill({
    json: { authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token` },
    headers: { 'Access-Control-Allow-Origin': '*' } }));
  await page.route(`${issuer}/authorize**`, (route) => {
    const asked = new URL(route.request().url());
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('response_type')).toBe('code');
    challenge = asked.searchParams.get('code_challenge') ?? '';
    const back = new URL(asked.searchParams.get('redirect_uri') ?? '');
    back.searchParams.set('code', 'one-time-code');
    back.searchParams.set('state', asked.searchParams.get('state') ?? '');
    // Back to the console as a new navigation (a meta refresh, as a provider's consent page would submit), so the
    // console page it lands on is answered through the route above, with the provider in its policy.
    return route.fulfill({ contentType: 'text/html', body: `<meta http-equiv="refresh" content="0;url=${back.toString().replace(/&/g, '&amp;')}">` });
  });
  await page.route(`${issuer}/token`, async (route) => {
    const form = new URLSearchParams(route.request().postData() ?? '');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(form.get('code_verifier') ?? ''));
    verified = Buffer.from(digest).toString('base64url') === challenge && form.get('code') === 'one-time-code';
    return route.fulfill(verified ? { json: { access_token: accessToken, token_type: 'Bearer' }, headers: { 'Access-Control-Allow-Origin': '*' } }
      : { status: 400, json: { error: 'invalid_grant' }, headers: { 'Access-Control-Allow-Origin': '*' } });
  });

  await page.goto('/console/');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign in with idp.example' }).click();
  await expect(page.getByTestId('role')).toHaveText('auditor');
  expect(verified).toBe(true);
  expect(page.url()).not.toContain('code=');
  expect(page.url()).not.toContain('eyJ');
});
