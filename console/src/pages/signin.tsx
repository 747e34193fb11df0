import { useEffect, useState } from 'preact/hooks';
import { authorizationUrl, completeSignIn, type Provider } from '../auth/oidc';
import { session, type Role } from '../auth/session';
import { ErrorBox } from '../ui/kit';

interface Settings {
  readonly devSignIn: boolean;
  readonly oidc: Provider | null;
}

const ROLES: { role: Role; label: string; what: string }[] = [
  { role: 'auditor', label: 'Auditor', what: 'blocks, transactions, proofs, reconciliation, reports' },
  { role: 'regulator', label: 'Regulator', what: "its jurisdiction's reports, alerts, accounts" },
  { role: 'operator', label: 'Operator', what: 'processes, health, lag, errors, account controls' },
  { role: 'wallet', label: 'Account holder', what: 'balance, holds, history, transfers, statements' },
];

/** Sign-in: the development issuer's one-click roles on a local node, the identity provider, or a pasted token. */
export function SignIn() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [accounts, setAccounts] = useState('');
  const [jurisdiction, setJurisdiction] = useState('DE');
  const [pasted, setPasted] = useState('');

  useEffect(() => {
    fetch('/console/config.json', { credentials: 'omit' }).then((r) => r.json() as Promise<Settings>).then(async (loaded) => {
      setSettings(loaded);
      if (location.pathname === '/console/callback' && loaded.oidc !== null) {
        session.signIn(await completeSignIn(loaded.oidc, new URLSearchParams(location.search)));
      }
    }).catch((e: Error) => setError(e));
  }, []);

  async function devSignIn(role: Role) {
    setError(null);
    const body = { role, accounts: role === 'wallet' ? accounts.split(/[\s,]+/).filter((id) => id !== '') : [],
      jurisdiction: role === 'regulator' ? jurisdiction.trim().toUpperCase() : null };
    const response = await fetch('/console/dev-sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body), credentials: 'omit' });
    const answer = (await response.json()) as { token?: string; message?: string };
    if (!response.ok || answer.token === undefined) {
      setError(new Error(answer.message ?? `sign-in refused (${response.status})`));
      return;
    }
    session.signIn(answer.token);
  }

  return (
    <main class="signin" id="main">
      <h1>Ledger console</h1>
      <p class="muted">Sign in to see what your role may see. The console reads and writes only through the node's API, with your token.</p>
      <ErrorBox error={error} />
      {settings?.oidc ? (
        <section aria-labelledby="oidc-title" class="card">
          <h2 id="oidc-title">Your organisation's sign-in</h2>
          <button type="button" class="primary" onClick={() => {
            authorizationUrl(settings.oidc as Provider).then((url) => location.assign(url), (e: Error) => setError(e));
          }}>Sign in with {new URL(settings.oidc.issuer).host}</button>
        </section>
      ) : null}
      {settings?.devSignIn ? (
        <section aria-labelledby="dev-title" class="card">
          <h2 id="dev-title">Development sign-in <span class="badge">local node</span></h2>
          <p class="muted">A token from this node's development key, for the role you choose. Never offered on a production node.</p>
          <div class="fields">
            <label>Accounts of the account holder <input name="accounts" value={accounts} placeholder="alice, alice-savings"
              onInput={(e) => setAccounts((e.target as HTMLInputElement).value)} /></label>
            <label>Regulator's jurisdiction <input name="jurisdiction" value={jurisdiction} maxLength={2} size={3}
              onInput={(e) => setJurisdiction((e.target as HTMLInputElement).value)} /></label>
          </div>
          <ul class="roles">
            {ROLES.map((item) => (
              <li><button type="button" class="role" onClick={() => void devSignIn(item.role)}>
                <strong>Sign in as {item.label}</strong><span class="muted">{item.what}</span></button></li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="token-title" class="card">
        <h2 id="token-title">Use a token</h2>
        <form onSubmit={(event) => {
          event.preventDefault();
          if (pasted.trim() !== '') {
            session.signIn(pasted.trim());
          }
        }}>
          <label>Bearer token (for example from <code>scripts/ledger token --role auditor</code>)
            <input name="token" type="password" autoComplete="off" value={pasted} onInput={(e) => setPasted((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit">Sign in with this token</button>
        </form>
      </section>
    </main>
  );
}
